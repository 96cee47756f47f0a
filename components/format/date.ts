/**
 * Dates in one unambiguous form, identical on server and client whatever their time zones:
 * "2026-11-22 04:32 UTC".
 */
export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
