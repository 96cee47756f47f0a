// Security headers on every response — pages, route handlers (/api/inngest, /api/health, …),
// static files and 404s — from lib/web/security-headers.ts, with a fresh script nonce per
// request. Next.js reads the nonce from the request's Content-Security-Policy header and puts it
// on its own scripts; app/layout.tsx reads `x-nonce` for the theme script. Every page is
// rendered per request (the root layout reads the session and the language), so every page
// gets its nonce.
import { NextResponse, type NextRequest } from "next/server";
import { NONCE_HEADER, createNonce, isHttpsRequest, securityHeaders } from "@/lib/web/security-headers";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { isPaymentPagePath, PAYMENT_PAGE_HEADERS } from "@/lib/payment-page/page-headers";
import { isReceiptFilePath, RECEIPT_FILE_CSP } from "@/lib/files/receipt-file-paths";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    https: isHttpsRequest(request.nextUrl.protocol, request.headers.get("x-forwarded-proto")),
    dev: process.env.NODE_ENV === "development",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  // One id per request, the caller's if it is safe: forwarded so route handlers, pages and
  // server actions log and audit under it (lib/observability/request-id.ts), and answered.
  const requestId = requestIdFrom(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // The public payment page (no sign-in; the token in its address is the key): no Referer, no index.
  if (isPaymentPagePath(request.nextUrl.pathname)) for (const [name, value] of Object.entries(PAYMENT_PAGE_HEADERS)) response.headers.set(name, value);
  // A receipt file keeps its sandbox policy: the page policy set above would replace the route's own.
  if (isReceiptFilePath(request.nextUrl.pathname)) response.headers.set("Content-Security-Policy", RECEIPT_FILE_CSP);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Every path, static files included, except the gateway's API routes: lib/api/gateway-handler.ts
// sets the same headers on their responses itself, and skipping the proxy there raised pay-in
// throughput by about a tenth (npm run bench). The OpenAPI document and unknown /api/v1 paths
// still come through here. Neither do the routes that take receipt uploads — the trader's
// (api/cabinet/trader/payouts/{id}/receipt) and the public payment page's (api/pay/{token}/…,
// which sets the same headers itself, lib/api/payment-page-route.ts): Next.js copies a body
// that passes through the proxy into memory (up to proxyClientMaxBodySize) before the route can
// refuse it, and an upload is streamed to storage as it arrives (lib/files/receive-upload.ts).
export const config = {
  matcher: ["/((?!api/v1/(?:payin|payout|orders|balance|trader|currencies|payment-methods)(?:/|$)|api/cabinet/trader/payouts/[^/]+/receipt$|api/pay/).*)"],
};
