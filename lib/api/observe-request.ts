import "server-only";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { runWithRequestContext, type RequestContext } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";

/**
 * The request's path as a route pattern, for logs and metric labels (one series per route, not
 * per order): each segment that is a route parameter's value becomes `{name}`.
 * "/api/v1/payin/pi_01H…/cancel" with { id: "pi_01H…" } → "/api/v1/payin/{id}/cancel".
 */
export function routePattern(pathname: string, params: Record<string, string | string[]> = {}): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) names.set(v, name);
  return pathname
    .split("/")
    .map((segment) => {
      const name = names.get(decodeURIComponentSafe(segment));
      return name === undefined ? segment : `{${name}}`;
    })
    .join("/");
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The response with its request id; a response with immutable headers (a redirect) is copied. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * Serves one HTTP request inside its request context: its id (the caller's or proxy.ts's
 * `request-id` when safe, else a new one) goes on every log line written meanwhile, on the audit
 * rows it writes and on the response; afterwards one access line (method, route pattern,
 * status, duration, the caller's ids — never a credential) and the latency histogram. A
 * handler's throw is logged and rethrown to Next.js, which answers 500.
 */
export async function observeRequest(request: Request | undefined, route: string, handle: (context: RequestContext) => Promise<Response>): Promise<Response> {
  const context: RequestContext = { requestId: requestIdFrom(request?.headers), route };
  const method = request?.method ?? "GET";
  const started = performance.now();
  const finish = (status: number) => {
    const seconds = (performance.now() - started) / 1000;
    metrics().httpRequestDuration.observe({ method, route, status: String(status) }, seconds);
    return { method, status, duration_ms: Math.round(seconds * 1000 * 10) / 10 };
  };
  return runWithRequestContext(context, async () => {
    let response: Response;
    try {
      response = await handle(context);
    } catch (error) {
      // redirect(), notFound() and the like throw on purpose; Next.js answers them.
      const digest = (error as { digest?: unknown } | null)?.digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_")) log.info({ ...finish(0), control: digest.split(";")[0] }, "request");
      else log.error({ ...finish(500), err: error }, "request failed");
      throw error;
    }
    log.info(finish(response.status), "request");
    return withRequestId(response, context.requestId);
  });
}

/**
 * A route handler (cabinet JSON, downloads, health) served through observeRequest under a
 * fixed route pattern. Keeps the handler's own signature, so a test may still call `GET()`.
 */
export function observedRoute<A extends unknown[]>(route: string, handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return (...args: A) => observeRequest(args[0] instanceof Request ? args[0] : undefined, route, () => handler(...args));
}
