import type { Translate } from "@/lib/i18n/translate";

/** completed / created as "42.5%" (one decimal), or null when nothing was created. Counts, not money. */
export function formatPercent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return `${(Math.round((part / whole) * 1000) / 10).toString()}%`;
}

/** Whole seconds as "45 s", "12 min 5 s" or "3 h 20 min". */
export function formatDuration(seconds: bigint, t: Translate): string {
  const s = Number(seconds);
  if (s < 60) return t("merchant.dashboard.seconds", { s });
  if (s < 3600) return t("merchant.dashboard.minutes", { m: Math.floor(s / 60), s: s % 60 });
  return t("merchant.dashboard.hours", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}
