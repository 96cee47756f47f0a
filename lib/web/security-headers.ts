/**
 * The security headers of every response (pages, route handlers, static files, 404s), as one
 * pure function; `proxy.ts` at the repository root calls it for every request with a fresh nonce.
 *
 * - Scripts: only those carrying this request's nonce ('strict-dynamic' lets them load the
 *   chunks they import). Next.js reads the nonce from the request's CSP header and puts it on
 *   its own scripts; app/layout.tsx puts it on the theme script. `'unsafe-eval'` only in
 *   development (React's dev tooling needs it).
 * - Styles: 'unsafe-inline' (recharts and the toasts set inline styles); no nonce there, since a
 *   nonce would make browsers ignore 'unsafe-inline'.
 * - Never framed: `frame-ancestors 'none'` and `X-Frame-Options: DENY` (the trader's "Payment
 *   received" button must not be clickjacked).
 * - HSTS and upgrade-insecure-requests only when the request came over https (directly or
 *   through a proxy's `x-forwarded-proto: https`): over plain http they are ignored or harmful.
 */

/** The request header through which proxy.ts hands the nonce to the root layout. */
export const NONCE_HEADER = "x-nonce";

export interface SecurityHeaderOptions {
  /** Base64 nonce of this request's scripts; null leaves inline scripts blocked ('self' only). */
  nonce: string | null;
  /** The request reached us over https (directly or as `x-forwarded-proto: https`). */
  https: boolean;
  /** `next dev`: React needs eval for its error overlays and stack reconstruction. */
  dev: boolean;
}

/** Browser features nobody in a cabinet needs, all disabled (`feature=()`). */
export const DISABLED_FEATURES = [
  "accelerometer",
  "autoplay",
  "bluetooth",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "serial",
  "usb",
  "xr-spatial-tracking",
] as const;

/** One year, the minimum the HSTS preload list accepts. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

export function contentSecurityPolicy({ nonce, https, dev }: SecurityHeaderOptions): string {
  const script = ["'self'", ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []), ...(dev ? ["'unsafe-eval'"] : [])];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...script],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The headers to set on a response, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": DISABLED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    ...(options.https ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}

/**
 * Sets the security headers on a response of a route that proxy.ts skips (the gateway's routes,
 * the payment page's JSON routes), from the same function the proxy uses for every other path.
 */
export function applySecurityHeaders(request: Request, response: Response): Response {
  const headers = securityHeaders({
    nonce: createNonce(),
    https: isHttpsRequest(new URL(request.url).protocol, request.headers.get("x-forwarded-proto")),
    dev: process.env.NODE_ENV === "development",
  });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Whether a request came over https: its own URL's protocol, or the first hop of
 * `x-forwarded-proto` set by the TLS-terminating proxy in front of the app.
 */
export function isHttpsRequest(protocol: string, forwardedProto: string | null): boolean {
  if (protocol === "https:") return true;
  return forwardedProto?.split(",")[0].trim().toLowerCase() === "https";
}

/** A fresh, unguessable nonce (128 random bits, base64) for one request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
