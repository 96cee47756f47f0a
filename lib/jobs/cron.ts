/**
 * A cron schedule that runs about every `intervalMs`: minutes below an hour, hours below a
 * day, else daily. Inngest's cron has minute resolution, so shorter intervals run each minute.
 */
export function cronForInterval(intervalMs: number): string {
  const minutes = Math.max(1, Math.round(intervalMs / 60_000));
  if (minutes < 60) return minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? "0 * * * *" : `0 */${hours} * * *`;
  return "0 0 * * *";
}
