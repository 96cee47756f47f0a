import type { Translate } from "@/lib/i18n/translate";

/** How long something has waited, e.g. "3 d 4 h", "5 h 12 min", "7 min" (translated). */
export function formatAge(since: Date, now: Date, t: Translate): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t("support.age.days", { d: days, h: hours });
  if (hours > 0) return t("support.age.hours", { h: hours, m: minutes % 60 });
  return t("support.age.minutes", { m: minutes });
}
