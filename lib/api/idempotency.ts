import "server-only";
import { createHash } from "node:crypto";
import { prisma, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** What a key's later requests must repeat: method, path and body. */
export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

function checkKey(key: string) {
  if (key.length > 255 || key.includes("\0")) {
    throw new DomainError("invalid_idempotency_key", undefined, { param: "Idempotency-Key" });
  }
}

const storedBody = (body: unknown) =>
  // Kept as the serialised text (a jsonb string): jsonb would reorder an object's keys, and a
  // replay must be byte-for-byte the first response.
  JSON.stringify(toJson(body));

const orderIdOf = (body: unknown) => {
  const id = (body as { id?: unknown })?.id;
  return typeof id === "string" && /^p[io]_/.test(id) ? id : null;
};

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
  checkKey(key);
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
      await prisma.idempotencyKey.update({
        where: { id },
        data: { responseStatus: response.status, responseBody: storedBody(response.body), completedAt: new Date(), orderId: orderIdOf(response.body) },
      });
    }
    return { ...response, replayed: false };
  }
  return replayStored(storeId, key, hash, () => withIdempotency(storeId, key, request, produce));
}

/**
 * The stored answer for a key another request holds: waits while that request is still running,
 * 409 when it came with another body; `retry` when the holder gave the key back (it failed).
 */
async function replayStored(
  storeId: number,
  key: string,
  hash: string,
  retry: () => Promise<StoredResponse & { replayed: boolean }>,
): Promise<StoredResponse & { replayed: boolean }> {
  for (let waited = 0; waited <= WAIT_MAX_MS; waited += WAIT_STEP_MS) {
    const row = await prisma.idempotencyKey.findUnique({ where: { storeId_key: { storeId, key } } });
    if (row && row.requestHash !== hash) {
      throw new DomainError("idempotency_conflict", undefined, { param: "Idempotency-Key" });
    }
    if (row?.responseStatus != null) {
      const body = typeof row.responseBody === "string" ? JSON.parse(row.responseBody) : row.responseBody;
      return { status: row.responseStatus, body, replayed: true };
    }
    if (!row) return retry(); // the first attempt failed and gave the key back
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  throw new DomainError("idempotency_in_progress", undefined, { param: "Idempotency-Key" });
}

/**
 * An Idempotency-Key claimed inside the transaction that does the request's work (order
 * creation): the key's row is inserted by the order's own INSERT statement and the response
 * stored by the transaction's last statement, so the order and its stored answer commit — or
 * vanish — together. A second request with the key waits on the unique index while the first
 * runs, then finds the key taken and replays the stored answer. Nothing is left half-done by a
 * crash, and it costs no round trip of its own besides storing the answer.
 */
export interface IdempotencyClaim {
  storeId: number;
  key: string;
  requestHash: string;
  /** The claimed row, once the order's INSERT claimed it. */
  rowId?: bigint;
  /** Whether the transaction stored the answer (it then also committed it, or threw). */
  stored: boolean;
}

/** The key is held by another request (the order's INSERT found it claimed): replay its answer. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super("The Idempotency-Key is held by another request");
  }
}

/** A CTE for the order's INSERT (after its own CTEs) that claims the key; its row id is `idempotency_id` of `claimed`. */
export function claimKeySql(claim: IdempotencyClaim): Prisma.Sql {
  return Prisma.sql`, claimed AS (
    INSERT INTO idempotency_keys (store_id, key, request_hash) VALUES (${claim.storeId}::int, ${claim.key}, ${claim.requestHash})
    ON CONFLICT (store_id, key) DO NOTHING
    RETURNING id AS idempotency_id)`;
}

/** Last in the order's transaction: the answer replays will repeat. */
export async function storeClaimedResponse(tx: Tx, claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
  await tx.$executeRaw(storeClaimedResponseSql(claim, response));
}

/** storeClaimedResponse as an UPDATE to run with other writes (it counts as stored: run it in the transaction). */
export function storeClaimedResponseSql(claim: IdempotencyClaim, response: StoredResponse): Prisma.Sql {
  if (claim.rowId === undefined) throw new Error("storeClaimedResponse: the key was not claimed in this transaction");
  claim.stored = true;
  return Prisma.sql`
    UPDATE idempotency_keys SET response_status = ${response.status}::int, response_body = to_jsonb(${storedBody(response.body)}::text),
           completed_at = now(), order_id = ${orderIdOf(response.body)}
    WHERE id = ${claim.rowId}`;
}

/**
 * Like withIdempotency, for handlers that claim the key in their own transaction (see
 * IdempotencyClaim). An answer the transaction did not store (a 4xx before or from it) is
 * stored afterwards unless another request took the key meanwhile, whose answer is then
 * replayed instead. A 5xx is not stored.
 */
export async function withClaimInTransaction(
  storeId: number,
  key: string,
  request: { method: string; path: string; body: string },
  produce: (claim: IdempotencyClaim) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  checkKey(key);
  const claim: IdempotencyClaim = { storeId, key, requestHash: requestHash(request.method, request.path, request.body), stored: false };
  const again = () => withClaimInTransaction(storeId, key, request, produce);
  let response: StoredResponse;
  try {
    response = await produce(claim);
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken) return replayStored(storeId, key, claim.requestHash, again);
    throw error;
  }
  if (claim.stored || response.status >= 500) return { ...response, replayed: false };
  const inserted = await prisma.$queryRaw<{ id: bigint }[]>`
    INSERT INTO idempotency_keys (store_id, key, request_hash, response_status, response_body, completed_at, order_id)
    VALUES (${storeId}::int, ${key}, ${claim.requestHash}, ${response.status}::int, to_jsonb(${storedBody(response.body)}::text), now(), ${orderIdOf(response.body)})
    ON CONFLICT (store_id, key) DO NOTHING
    RETURNING id`;
  if (inserted.length) return { ...response, replayed: false };
  return replayStored(storeId, key, claim.requestHash, again);
}
