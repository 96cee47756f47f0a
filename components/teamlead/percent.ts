import type { Locale } from "@/lib/i18n/config";

/**
 * `part` of `whole` as a percentage with at most one decimal — "80%", "66.7%" (en),
 * "66,7 %" (ru) — or null when there is nothing to divide by. Counts, not money.
 */
export function formatPercent(part: number, whole: number, locale: Locale): string | null {
  if (whole <= 0) return null;
  const tenths = Math.round((part * 1000) / whole);
  const decimals = tenths % 10 ? `${locale === "ru" ? "," : "."}${tenths % 10}` : "";
  const number = `${Math.trunc(tenths / 10)}${decimals}`;
  return locale === "ru" ? `${number}\u00a0%` : `${number}%`;
}
