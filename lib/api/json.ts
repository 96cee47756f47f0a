import { DomainError } from "@/lib/errors/domain-error";

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body: too large or, malformed → 400; never throws anything else. */
export async function readJsonBody(request: Request): Promise<{ value: unknown; raw: string }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new DomainError("body_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new DomainError("body_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  if (!raw.trim()) return { value: {}, raw };
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new DomainError("invalid_json");
  }
}

/** JSON response that writes BigInts as numbers when safe and strings otherwise. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const text = JSON.stringify(body, (_k, v) =>
    typeof v === "bigint" ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v,
  );
  return new Response(text, { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}
