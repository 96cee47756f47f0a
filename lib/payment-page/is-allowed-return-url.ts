/**
 * Where the payment page may send the customer back: https anywhere; plain http only to the
 * development hosts (`httpHosts`, RETURN_URL_HTTP_HOSTS: localhost and 127.0.0.1 outside
 * production, none in production), so a customer is never sent to a store over a connection
 * anyone on the way can rewrite. No other scheme (javascript:, data:, …) and no credentials in
 * the URL: the page puts it in a link and a redirect.
 */
export function isAllowedReturnUrl(value: string, httpHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || !url.hostname) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && httpHosts.includes(url.hostname.toLowerCase());
}
