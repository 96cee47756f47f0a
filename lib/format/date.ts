import type { Locale } from "@/lib/i18n/config";

/**
 * Dates in one unambiguous form per language, identical on server and client whatever their
 * time zones: "2026-11-22 04:32 UTC" (en), "22.11.2026 04:32 UTC" (ru).
 */
export function formatDateTime(date: Date, locale: Locale = "en"): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  if (locale === "ru") return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${time} UTC`;
  return `${iso.slice(0, 10)} ${time} UTC`;
}

/** A day (charts, filters): "2026-11-22" (en), "22.11.2026" (ru). */
export function formatDay(date: Date, locale: Locale = "en"): string {
  const iso = date.toISOString();
  return locale === "ru" ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso.slice(0, 10);
}

/** Time left, for a countdown: "4:07", or "1:02:09" from an hour up; never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
