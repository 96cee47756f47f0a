/**
 * Headers of the hosted payment page and its JSON routes, on top of the security headers every
 * response gets: search engines keep out (the token in the address is the only key to the page),
 * no Referer leaves it (the address would leak the token to the store or a bank's site), and
 * nothing is cached (the requisite is shown only while the payment is awaited).
 */
export const PAYMENT_PAGE_HEADERS = {
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

/**
 * /pay/{token}: the page, whose headers proxy.ts sets. Its JSON routes (/api/pay/{token}/…) skip
 * the proxy and set PAYMENT_PAGE_HEADERS themselves (lib/api/payment-page-route.ts).
 */
export function isPaymentPagePath(pathname: string): boolean {
  return pathname.startsWith("/pay/");
}
