import { DomainError } from "@/lib/errors/domain-error";

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (max: number) => new DomainError("body_too_large", `The body must be at most ${max} bytes.`);

/**
 * The body limit of a route that takes `files` base64 files inline (a receipt, dispute
 * evidence): room for each at the receipts.max_bytes cap, plus the usual 64 KiB for the rest.
 */
export function inlineFilesBodyLimit(files: number, maxFileBytes: number): number {
  return MAX_BODY_BYTES + files * Math.ceil(maxFileBytes / 3) * 4;
}

/**
 * Reads a JSON body: too large or malformed → 400; never throws anything else. The cap holds
 * without a Content-Length too (a chunked body): reading stops at the first byte past it.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<{ value: unknown; raw: string }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw tooLarge(maxBytes);
  const raw = await readCapped(request, maxBytes);
  if (!raw.trim()) return { value: {}, raw };
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new DomainError("invalid_json");
  }
}

/** The body as text (UTF-8, as Request.text() decodes it), refused as soon as it passes `max` bytes. */
async function readCapped(request: Request, max: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** JSON response that writes BigInts as numbers when safe and strings otherwise. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const text = JSON.stringify(body, (_k, v) =>
    typeof v === "bigint" ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v,
  );
  return new Response(text, { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}
