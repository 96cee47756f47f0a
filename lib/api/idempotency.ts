import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { toJson } from "@/lib/audit/record-audit";

export interface StoredResponse {
  status: number;
  body: unknown;
}

const WAIT_STEP_MS = 50;
const WAIT_MAX_MS = 15_000;
// A key whose first request never stored a response (the process died) may be retried after this.
const ABANDONED_MS = 60_000;

function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * Runs `produce` at most once per (store, Idempotency-Key). The first request claims the key
 * with an INSERT (the unique index arbitrates between concurrent duplicates) and stores its
 * response, including 4xx errors; later requests with the same body get that response again,
 * waiting while the first is still running; a different body is a 409. A 5xx is not stored,
 * so the client may retry with the same key.
 */
export async function withIdempotency(
  storeId: number,
  key: string,
  request: { method: string; path: string; body: string },
  produce: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (key.length > 255 || key.includes("\0")) {
    throw new DomainError("invalid_idempotency_key", undefined, { param: "Idempotency-Key" });
  }
  const hash = requestHash(request.method, request.path, request.body);
  const claimed = await prisma.$queryRaw<{ id: bigint }[]>`
    INSERT INTO idempotency_keys (store_id, key, request_hash) VALUES (${storeId}, ${key}, ${hash})
    ON CONFLICT (store_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
      WHERE idempotency_keys.response_status IS NULL
        AND idempotency_keys.created_at < now() - make_interval(secs => ${ABANDONED_MS / 1000})
    RETURNING id`;

  if (claimed.length) {
    const id = claimed[0].id;
    let response: StoredResponse;
    try {
      response = await produce();
    } catch (error) {
      await prisma.idempotencyKey.delete({ where: { id } }).catch(() => {});
      throw error;
    }
    if (response.status >= 500) {
      await prisma.idempotencyKey.delete({ where: { id } }).catch(() => {});
    } else {
      const orderId = (response.body as { id?: unknown })?.id;
      await prisma.idempotencyKey.update({
        where: { id },
        data: {
          responseStatus: response.status,
          // Kept as the serialised text (a jsonb string): jsonb would reorder an object's keys,
          // and a replay must be byte-for-byte the first response.
          responseBody: JSON.stringify(toJson(response.body)),
          completedAt: new Date(),
          orderId: typeof orderId === "string" && /^p[io]_/.test(orderId) ? orderId : null,
        },
      });
    }
    return { ...response, replayed: false };
  }

  for (let waited = 0; waited <= WAIT_MAX_MS; waited += WAIT_STEP_MS) {
    const row = await prisma.idempotencyKey.findUnique({ where: { storeId_key: { storeId, key } } });
    if (row && row.requestHash !== hash) {
      throw new DomainError("idempotency_conflict", undefined, { param: "Idempotency-Key" });
    }
    if (row?.responseStatus != null) {
      const body = typeof row.responseBody === "string" ? JSON.parse(row.responseBody) : row.responseBody;
      return { status: row.responseStatus, body, replayed: true };
    }
    if (!row) return withIdempotency(storeId, key, request, produce); // the first attempt failed and gave the key back
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  throw new DomainError("idempotency_in_progress", undefined, { param: "Idempotency-Key" });
}
