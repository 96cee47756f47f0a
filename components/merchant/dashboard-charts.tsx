"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyPoint } from "@/lib/metrics/get-merchant-dashboard";
import type { Locale } from "@/lib/i18n/config";
import { formatDay } from "@/lib/format/date";
import { formatMinorNumber } from "@/lib/format/money";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDuration } from "./dashboard-format";

const USDT_EXPONENT = 6;
const MICRO = 10 ** USDT_EXPONENT;
const AXIS = { fontSize: 11, fill: "var(--muted-foreground)" };
const TOOLTIP_STYLE = { background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--popover-foreground)", fontSize: 12 };

/** An axis tick: "11-22" (en) or "22.11" (ru) for "2026-11-22". */
function shortDay(day: string, locale: Locale): string {
  return locale === "ru" ? `${day.slice(8, 10)}.${day.slice(5, 7)}` : day.slice(5);
}

function ChartCard({ title, description, children }: { title: string; description: string; children: React.ReactElement }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="h-64 px-2 sm:px-5">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

/**
 * Turnover per day (USDT, pay-ins and payouts), conversion (completed / created) and average
 * completion time for the last 30 days. Bar heights are plotted from floats; every number a
 * person reads (axis aside) is printed exactly from the minor units.
 */
export function DashboardCharts({ days }: { days: DailyPoint[] }) {
  const t = useT();
  const locale = useLocale();
  const data = days.map((d) => ({
    label: shortDay(d.day, locale),
    day: formatDay(new Date(`${d.day}T00:00:00Z`), locale),
    payin: Number(d.payinTurnover) / MICRO,
    payout: Number(d.payoutTurnover) / MICRO,
    payinExact: formatMinorNumber(d.payinTurnover, USDT_EXPONENT, locale),
    payoutExact: formatMinorNumber(d.payoutTurnover, USDT_EXPONENT, locale),
    conversion: d.createdCount > 0 ? Math.round((d.completedCount / d.createdCount) * 1000) / 10 : null,
    avgSeconds: d.completedCount > 0 ? Number(d.completionSecondsSum / BigInt(d.completedCount)) : null,
  }));
  type Row = (typeof data)[number];
  const dayOf = (_label: unknown, payload: readonly { payload?: Row }[]) => payload?.[0]?.payload?.day ?? "";

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <ChartCard title={t("merchant.dashboard.charts.turnover")} description={t("merchant.dashboard.charts.turnoverHint")}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
            <YAxis tick={AXIS} tickLine={false} axisLine={false} width={56} />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              cursor={{ fill: "var(--muted)" }}
              labelFormatter={dayOf}
              formatter={(_value, name, item) => [`${(item.payload as Row)[name === "payin" ? "payinExact" : "payoutExact"]} USDT`, t(`orders.type.${name === "payin" ? "payin" : "payout"}`)]}
            />
            <Legend formatter={(name) => t(`orders.type.${name === "payin" ? "payin" : "payout"}`)} wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="payin" stackId="turnover" fill="var(--brand)" radius={[0, 0, 0, 0]} />
            <Bar dataKey="payout" stackId="turnover" fill="var(--warning)" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ChartCard>
      </div>
      <ChartCard title={t("merchant.dashboard.charts.conversion")} description={t("merchant.dashboard.charts.conversionHint")}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} width={40} domain={[0, 100]} unit="%" />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={dayOf} formatter={(value) => [value === null ? "—" : `${value}%`, t("merchant.dashboard.conversion")]} />
          <Line type="monotone" dataKey="conversion" stroke="var(--success)" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </ChartCard>
      <ChartCard title={t("merchant.dashboard.charts.completion")} description={t("merchant.dashboard.charts.completionHint")}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} width={48} tickFormatter={(s: number) => `${Math.round(s / 60)}m`} />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={dayOf}
            formatter={(value) => [typeof value === "number" ? formatDuration(BigInt(value), t) : "—", t("merchant.dashboard.avgCompletion")]}
          />
          <Line type="monotone" dataKey="avgSeconds" stroke="var(--brand)" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </ChartCard>
    </div>
  );
}
