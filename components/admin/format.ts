import type { Locale } from "@/lib/i18n/config";

/**
 * numerator / denominator as a percentage with one decimal, by integer arithmetic (rounded
 * half up): 2 of 3 → "66.7%" (en), "66,7%" (ru); "—" when there is nothing to divide by.
 */
export function formatRatio(numerator: number, denominator: number, locale: Locale): string {
  if (denominator <= 0) return "—";
  const tenths = Math.floor((numerator * 1000 + Math.floor(denominator / 2)) / denominator);
  const text = `${Math.floor(tenths / 10)}${locale === "ru" ? "," : "."}${tenths % 10}`;
  return `${text}%`;
}

/** Whole seconds as "m:ss" (or "h:mm:ss" from an hour), e.g. 200 → "3:20". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
