"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "@/lib/format/date";
import { formatMinorNumber } from "@/lib/format/money";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { formatRatio } from "./format";

export interface ChartBucket {
  start: string;
  created: number;
  completed: number;
  /** Micro-USDT as decimal strings (bigint does not cross into chart data). */
  volume: string;
  profit: string;
}

const MONTH_LABEL = /^(\d{4})-(\d{2})-01$/;

/**
 * Volume and profit (settlement currency) and orders with conversion per bucket. Bars and lines are drawn from
 * numbers, which only place them on screen; every figure a person reads (axes aside) is printed
 * exactly from the minor units.
 */
export function DashboardCharts({ series, exponent, code, granularity }: { series: ChartBucket[]; exponent: number; code: string; granularity: "day" | "week" | "month" }) {
  const t = useT();
  const locale = useLocale();
  const scale = 10 ** exponent;
  const label = (start: string) => {
    const month = granularity === "month" ? MONTH_LABEL.exec(start) : null;
    return month ? (locale === "ru" ? `${month[2]}.${month[1]}` : `${month[1]}-${month[2]}`) : formatDay(new Date(`${start}T00:00:00Z`), locale);
  };
  const data = series.map((b) => ({
    ...b,
    label: label(b.start),
    volumeValue: Number(b.volume) / scale,
    profitValue: Number(b.profit) / scale,
    conversion: b.created ? (b.completed / b.created) * 100 : null,
  }));
  const exact = (minor: string) => `${formatMinorNumber(BigInt(minor), exponent, locale)} ${code}`;
  const tooltipStyle = { background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 };
  const axis = { stroke: "var(--muted-foreground)", fontSize: 11, tickLine: false };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="grid gap-2">
        <figcaption className="text-sm font-medium">{t("admin.dashboard.volumeChart")}</figcaption>
        <div className="h-64" role="img" aria-label={t("admin.dashboard.volumeChart")}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="label" {...axis} minTickGap={16} />
              <YAxis yAxisId="volume" {...axis} width={56} />
              <YAxis yAxisId="profit" orientation="right" {...axis} width={48} />
              <Tooltip
                contentStyle={tooltipStyle}
                formatter={(_value, name, item) => {
                  const bucket = item.payload as ChartBucket;
                  return [exact(name === "profitValue" ? bucket.profit : bucket.volume), name === "profitValue" ? t("admin.dashboard.profit") : t("admin.dashboard.volume")];
                }}
              />
              <Legend formatter={(value) => (value === "profitValue" ? t("admin.dashboard.profit") : t("admin.dashboard.volume"))} wrapperStyle={{ fontSize: 12 }} />
              <Bar yAxisId="volume" dataKey="volumeValue" fill="var(--brand)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
              <Line yAxisId="profit" dataKey="profitValue" stroke="var(--success)" strokeWidth={2} dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="grid gap-2">
        <figcaption className="text-sm font-medium">{t("admin.dashboard.ordersChart")}</figcaption>
        <div className="h-64" role="img" aria-label={t("admin.dashboard.ordersChart")}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="label" {...axis} minTickGap={16} />
              <YAxis yAxisId="orders" {...axis} width={40} allowDecimals={false} />
              <YAxis yAxisId="conversion" orientation="right" {...axis} width={40} domain={[0, 100]} unit="%" />
              <Tooltip
                contentStyle={tooltipStyle}
                formatter={(value, name, item) => {
                  const bucket = item.payload as ChartBucket;
                  if (name === "conversion") return [formatRatio(bucket.completed, bucket.created, locale), t("admin.dashboard.conversion")];
                  return [String(value), name === "created" ? t("admin.dashboard.created") : t("admin.dashboard.completed")];
                }}
              />
              <Legend
                formatter={(value) => (value === "conversion" ? t("admin.dashboard.conversion") : value === "created" ? t("admin.dashboard.created") : t("admin.dashboard.completed"))}
                wrapperStyle={{ fontSize: 12 }}
              />
              <Bar yAxisId="orders" dataKey="created" fill="var(--muted-foreground)" fillOpacity={0.35} radius={[3, 3, 0, 0]} isAnimationActive={false} />
              <Bar yAxisId="orders" dataKey="completed" fill="var(--brand)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
              <Line yAxisId="conversion" dataKey="conversion" stroke="var(--warning)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
