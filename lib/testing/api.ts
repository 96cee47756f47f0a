// The gateway API in tests: route handlers are called directly with real Request objects, so
// the whole stack (auth by hashed key, DB rate limiter, idempotency, zod, domain, error
// mapping) runs against the file's own PostgreSQL database. The handlers themselves are
// imported by the tests under test/ (lib/ never imports app/).
import { expect } from "vitest";
import { uniqueId } from "./unique";

export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  /** Bearer key; `null` sends no Authorization header. */
  key?: string | null;
  /** A JSON value, serialised with JSON.stringify. */
  body?: unknown;
  /** The body exactly as sent (wins over `body`). */
  raw?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  /** Query string appended to the path, e.g. `?limit=2`. */
  query?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Calls a route handler the way Next.js would, with a real Request. */
export async function call(handler: Handler, method: "GET" | "POST", path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null && options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`http://test${path}${options.query ?? ""}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The one error shape: {error:{type,code,message,param?}}, no stack trace, no file paths. */
export function expectErrorShape(response: ApiResponse, status: number, code?: string, param?: string) {
  const context = `${response.status} ${response.text.slice(0, 500)}`;
  expect(response.status, context).toBe(status);
  expect(response.headers.get("content-type") ?? "", context).toContain("application/json");
  expect(response.json, context).toBeTypeOf("object");
  expect(Object.keys(response.json), context).toEqual(["error"]);
  const error = response.json.error;
  expect(Object.keys(error).sort().filter((k) => k !== "param"), context).toEqual(["code", "message", "type"]);
  expect(error.type, context).toMatch(/^[a-z_]+$/);
  expect(error.code, context).toMatch(/^[a-z_]+$/);
  expect(typeof error.message, context).toBe("string");
  expect(error.message.length, context).toBeGreaterThan(0);
  if ("param" in error) expect(typeof error.param, context).toBe("string");
  expect(response.text, context).not.toContain("stack");
  expect(response.text, context).not.toContain("at /");
  if (code !== undefined) expect(error.code, context).toBe(code);
  if (param !== undefined) expect(error.param, context).toBe(param);
  return error as { type: string; code: string; message: string; param?: string };
}

/** A POST /api/v1/payin body with a unique customer and merchant order id. */
export function payinBody(overrides: Record<string, unknown> = {}) {
  return { amount: 150_000, currency: "RUB", customer_id: uniqueId("cust"), merchant_order_id: uniqueId("mo"), ...overrides };
}

/** A POST /api/v1/payout body with a unique customer and merchant order id and a card destination. */
export function payoutBody(overrides: Record<string, unknown> = {}) {
  return {
    amount: 100_000,
    currency: "RUB",
    customer_id: uniqueId("cust"),
    merchant_order_id: uniqueId("mo"),
    destination: { type: "card", number: "2200 1234 5678 9010", holder: "IVAN PETROV", bank: "Sberbank" },
    ...overrides,
  };
}

/** A 1×1 transparent PNG. */
export const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** A well-formed order id that does not exist. */
export function unknownOrderId(prefix: "pi_" | "po_") {
  return `${prefix}01ARZ3NDEKTSV4RRFFQ69G5FAV`;
}
