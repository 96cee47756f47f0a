/**
 * Whether an Inngest server is configured (Inngest Cloud needs an event key; a self-hosted
 * `inngest start` or dev server a base URL). When it is, events drive the functions in
 * inngest/ and their crons run the sweeps; when not, the app runs the sweeps itself.
 */
export function isInngestConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.INNGEST_BASE_URL || env.INNGEST_EVENT_KEY);
}
