/**
 * The request id: one per HTTP request, on every log line written for it (request_id), on the
 * response (`request-id`) and on the audit rows it writes. Free of Node-only imports, so the
 * proxy (proxy.ts) can use it too.
 */

/** The response and forwarded request header. */
export const REQUEST_ID_HEADER = "request-id";

/** Ids a client or a load balancer may send; anything else is replaced, so a log line can never be forged through it. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function isSafeRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SAFE_REQUEST_ID.test(value);
}

/** The caller's `request-id` (or `x-request-id`) when it is safe, else a fresh UUID. */
export function requestIdFrom(headers: { get(name: string): string | null } | null | undefined): string {
  for (const name of [REQUEST_ID_HEADER, "x-request-id"]) {
    const value = headers?.get(name)?.trim();
    if (isSafeRequestId(value)) return value;
  }
  return crypto.randomUUID();
}
