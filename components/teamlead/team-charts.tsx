"use client";

import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { TeamDay } from "@/lib/metrics/get-team-daily-series";
import { formatDay } from "@/lib/format/date";
import { formatMinorNumber } from "@/lib/format/money";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { formatPercent } from "./percent";

interface Point extends TeamDay {
  /** The volume in USDT as a number: only the bar's height (recharts draws numbers); the tooltip shows `volume` exactly. */
  height: number;
  /** Completed ÷ taken in percent, or null on a day without orders (a gap in the line). */
  conversion: number | null;
}

const tooltipBox = "rounded-md border bg-popover px-3 py-2 text-sm text-popover-foreground shadow-md";
const axis = { tickLine: false, axisLine: false, fontSize: 12, stroke: "var(--color-muted-foreground)" } as const;

/** Day labels in the reader's language: the full date for tooltips, day and month for the axis. */
function useDayFormats() {
  const locale = useLocale();
  const fullDay = (day: string) => formatDay(new Date(`${day}T00:00:00Z`), locale);
  // Day and month only: "11-22" (en, from YYYY-MM-DD), "22.11" (ru, from DD.MM.YYYY).
  const dayLabel = (day: string) => (locale === "ru" ? fullDay(day).slice(0, 5) : day.slice(5));
  return { locale, fullDay, dayLabel };
}

/** The team's completed volume and conversion per day for the last 30 days (today live). */
export function TeamCharts({ days, exponent }: { days: TeamDay[]; exponent: number }) {
  const t = useT();
  const { locale, fullDay } = useDayFormats();
  const data: Point[] = days.map((d) => ({ ...d, height: Number(d.volume) / 10 ** exponent, conversion: d.taken ? (d.completed * 100) / d.taken : null }));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <VolumeChart data={data} exponent={exponent} />
      <ConversionChart data={data} />
      {/* The same numbers for screen readers and keyboard users, who cannot hover the charts. */}
      <ul className="sr-only">
        {data.map((point) => (
          <li key={point.day}>
            {fullDay(point.day)}: {formatMinorNumber(point.volume, exponent, locale)} USDT, {formatPercent(point.completed, point.taken, locale) ?? t("teamlead.noOrders")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A chart with its caption, in a card. */
function ChartFigure({ caption, children }: { caption: string; children: ReactElement }) {
  return (
    <figure className="grid gap-2 rounded-xl border bg-card p-4">
      <figcaption className="text-sm font-medium">{caption}</figcaption>
      <div className="h-56 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Completed volume per day as bars; the tooltip has the exact amount. */
function VolumeChart({ data, exponent }: { data: Point[]; exponent: number }) {
  const t = useT();
  const { locale, fullDay, dayLabel } = useDayFormats();
  // Whole USDT on the axis (at least 0…1, so an empty day does not repeat "0"); the tooltip has every digit.
  const axisUsdt = (value: number) => formatMinorNumber(BigInt(Math.round(value)), 0, locale);
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
    if (!point) return null;
    return (
      <div className={tooltipBox}>
        <div className="text-xs text-muted-foreground">{fullDay(point.day)}</div>
        <Money amount={point.volume} exponent={exponent} code="USDT" className="font-medium" />
      </div>
    );
  };
  return (
    <ChartFigure caption={t("teamlead.charts.volume")}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="day" tickFormatter={dayLabel} minTickGap={16} {...axis} />
        <YAxis tickFormatter={axisUsdt} allowDecimals={false} domain={[0, (max: number) => Math.max(1, Math.ceil(max))]} width={56} {...axis} />
        <Tooltip content={tooltip} cursor={{ fill: "var(--color-muted)" }} />
        <Bar dataKey="height" name={t("teamlead.charts.volumeLabel")} fill="var(--color-brand)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Completed ÷ taken per day as a line, with a gap on days without orders; the tooltip has both counts. */
function ConversionChart({ data }: { data: Point[] }) {
  const t = useT();
  const { locale, fullDay, dayLabel } = useDayFormats();
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
    if (!point) return null;
    return (
      <div className={tooltipBox}>
        <div className="text-xs text-muted-foreground">{fullDay(point.day)}</div>
        <div className="font-medium">{formatPercent(point.completed, point.taken, locale) ?? t("teamlead.noOrders")}</div>
        <div className="text-xs text-muted-foreground">
          {t("teamlead.charts.completed")}: {point.completed} · {t("teamlead.charts.taken")}: {point.taken}
        </div>
      </div>
    );
  };
  return (
    <ChartFigure caption={t("teamlead.charts.conversion")}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="day" tickFormatter={dayLabel} minTickGap={16} {...axis} />
        <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}`} width={40} {...axis} />
        <Tooltip content={tooltip} />
        <Line
          dataKey="conversion"
          name={t("teamlead.charts.conversionLabel")}
          stroke="var(--color-success)"
          strokeWidth={2}
          dot={{ r: 2, fill: "var(--color-success)" }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
