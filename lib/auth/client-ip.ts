/** The caller's address as the proxy in front of the app reports it (first X-Forwarded-For hop). */
export function clientIpFromHeaders(headers: { get(name: string): string | null }): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
