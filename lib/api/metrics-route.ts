import "server-only";
import crypto from "node:crypto";
import { renderMetrics } from "@/lib/observability/metrics";

const CHALLENGE = { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" };

function refuse(message: string): Response {
  return new Response(`${message}\n`, { status: 401, headers: { ...CHALLENGE, "content-type": "text/plain; charset=utf-8" } });
}

/** Compares in constant time: digests of equal length, whatever the lengths of the inputs. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /api/metrics — the Prometheus exposition, for `Authorization: Bearer $METRICS_TOKEN`
 * only. Without a configured token nobody may scrape (the body says why), so a deployment
 * never exposes its numbers by forgetting a variable. Not under the gateway's per-key limits:
 * it is not a merchant call.
 */
export async function metricsResponse(request: Request): Promise<Response> {
  const expected = process.env.METRICS_TOKEN?.trim();
  if (!expected) return refuse("Metrics are disabled: set METRICS_TOKEN and send it as a Bearer token.");
  const match = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  if (!match || !sameSecret(match[1], expected)) return refuse("A valid Bearer token is required.");
  const { contentType, body } = await renderMetrics();
  return new Response(body, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
