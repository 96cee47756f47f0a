import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { PAYMENT_PAGE_HEADERS } from "@/lib/payment-page/page-headers";
import { applySecurityHeaders } from "@/lib/web/security-headers";
import { handleApiError } from "./error-response";
import { jsonResponse } from "./json";
import { observeRequest, routePattern } from "./observe-request";
import { enforceRateLimit } from "./rate-limit";

type RouteContext = { params: Promise<{ token: string }> };

interface PageHandlerInput {
  request: Request;
  token: string;
  /** The customer holding the page's link (party customer in the order lifecycle). */
  actor: Actor & { type: "customer" };
}

/**
 * A public JSON route of the hosted payment page (/api/pay/{token}/…): no sign-in — the token
 * is the key — so every request counts against its client IP's rate limit first (429 with
 * Retry-After), errors take the gateway's one JSON shape, and the answer carries the security
 * headers and the page's own (PAYMENT_PAGE_HEADERS). proxy.ts skips these routes: it would copy
 * every body into memory before the route could refuse it, and a receipt is streamed to storage.
 */
export function paymentPageRoute(handler: (input: PageHandlerInput) => Promise<{ status?: number; body: unknown }>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const { token } = await context.params;
    const route = routePattern(new URL(request.url).pathname, { token });
    const response = await observeRequest(request, route, async () => {
      try {
        const ip = clientIpFromHeaders(request.headers);
        await enforceRateLimit({ apiKey: null, ip });
        const actor = { type: "customer", ip, userAgent: request.headers.get("user-agent") } as const;
        const result = await handler({ request, token, actor });
        return jsonResponse(result.body, result.status ?? 200);
      } catch (error) {
        return handleApiError(error);
      }
    });
    applySecurityHeaders(request, response);
    for (const [name, value] of Object.entries(PAYMENT_PAGE_HEADERS)) response.headers.set(name, value);
    return response;
  };
}
