"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { TraderEarnings } from "@/lib/metrics/get-trader-earnings";
import { formatDay } from "@/lib/format/date";
import { formatMinorNumber } from "@/lib/format/money";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";

interface Point {
  day: string;
  /** Exact reward in minor units, for the tooltip. */
  reward: bigint;
  /** The same as a number: only the bar's height (recharts draws numbers). */
  height: number;
}

/** An axis label: the exact amount without trailing zero decimals ("12.5", not "12.500000"). */
function axisAmount(value: number, exponent: number, locale: "en" | "ru"): string {
  return formatMinorNumber(BigInt(Math.round(value)), exponent, locale).replace(/([.,]\d*?)0+$/, "$1").replace(/[.,]$/, "");
}

/** The trader's earnings per day (bars), today's bar live; amounts in the tooltip are exact. */
export function EarningsChart({ earnings }: { earnings: TraderEarnings }) {
  const t = useT();
  const locale = useLocale();
  const data: Point[] = earnings.days.map((d) => ({ day: d.day, reward: BigInt(d.reward), height: Number(BigInt(d.reward)) }));
  // Axis labels without the year: "11-22" (en), "22.11" (ru).
  const dayLabel = (day: string) => (locale === "ru" ? formatDay(new Date(`${day}T00:00:00Z`), locale).slice(0, 5) : day.slice(5));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
    if (!point) return null;
    return (
      <div className="rounded-md border bg-popover px-3 py-2 text-sm text-popover-foreground shadow-md">
        <div className="text-xs text-muted-foreground">{formatDay(new Date(`${point.day}T00:00:00Z`), locale)}</div>
        <Money amount={point.reward} exponent={earnings.exponent} code={earnings.currencyCode} className="font-medium" />
      </div>
    );
  };

  return (
    <figure className="grid gap-2" aria-label={t("trader.earnings.chartLabel")}>
      <div className="h-64 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            <XAxis dataKey="day" tickFormatter={dayLabel} tickLine={false} axisLine={false} fontSize={12} minTickGap={16} stroke="var(--color-muted-foreground)" />
            <YAxis
              tickFormatter={(value: number) => axisAmount(value, earnings.exponent, locale)}
              tickLine={false}
              axisLine={false}
              fontSize={12}
              width={64}
              stroke="var(--color-muted-foreground)"
            />
            <Tooltip content={renderTooltip} cursor={{ fill: "var(--color-muted)" }} />
            <Bar dataKey="height" fill="var(--color-brand)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The same numbers for screen readers and keyboard users, who cannot hover the bars. */}
      <figcaption className="sr-only">
        <ul>
          {data.map((point) => (
            <li key={point.day}>
              {formatDay(new Date(`${point.day}T00:00:00Z`), locale)}: {formatMinorNumber(point.reward, earnings.exponent, locale)} {earnings.currencyCode}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
