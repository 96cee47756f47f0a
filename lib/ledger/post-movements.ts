import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { LEDGER_TABLES, lockKey, ownerId, type Movement } from "./accounts";

export interface PostedMovement extends Movement {
  balanceAfter: bigint;
  heldAfter: bigint;
}

/**
 * Applies balance movements inside the caller's transaction: each balance row is created if
 * missing, updated under its row lock (accounts taken in a fixed order, so concurrent
 * transactions cannot deadlock) and paired with an append-only history row carrying the
 * deltas and the values after. A movement that would make a part negative is refused with
 * `insufficient_funds` and, since the caller's transaction aborts, nothing is applied.
 * `at` dates the history rows (the demo seed builds past history); it defaults to now.
 */
export async function postMovements(tx: Tx, movements: Movement[], options: { at?: Date } = {}): Promise<PostedMovement[]> {
  const ordered = [...movements].sort((a, b) => lockKey(a.account).localeCompare(lockKey(b.account)));
  const posted: PostedMovement[] = [];
  for (const movement of ordered) {
    const heldDelta = movement.heldDelta ?? 0n;
    if (movement.delta === 0n && heldDelta === 0n) continue;
    const { balance, history, owner, historyBalance } = LEDGER_TABLES[movement.account.kind];
    // The platform balance has no owner column: it is keyed by currency alone.
    const ownerColumns = owner ? [owner] : [];
    const ownerValues = owner ? [ownerId(movement.account)] : [];
    const key = [...ownerColumns, "currency_id"].join(", ");
    const placeholders = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");

    const where = [...ownerColumns, "currency_id"].map((column, i) => `${column} = $${i + 3}`).join(" AND ");
    const keyValues = [...ownerValues, movement.account.currencyId];
    const n = keyValues.length;
    // The balance update and its history row in one statement. UPDATE first: an INSERT … ON
    // CONFLICT would check the non-negative constraint against the proposed new row (the bare
    // delta) before finding the existing one.
    const apply = () =>
      tx.$queryRawUnsafe<{ id: number; amount: bigint; held: bigint }[]>(
        `WITH b AS (
           UPDATE ${balance} SET amount = amount + $1, held = held + $2, updated_at = now()
           WHERE ${where} RETURNING id, amount, held
         ), h AS (
           INSERT INTO ${history} (${[historyBalance, ...ownerColumns].join(", ")}, currency_id, order_id, delta, held_delta, balance_after, held_after, reason, created_at)
           SELECT b.id, ${keyValues.map((_, i) => `$${i + 3}`).join(", ")}, $${n + 3}, $1, $2, b.amount, b.held, $${n + 4}, $${n + 5} FROM b
         )
         SELECT id, amount, held FROM b`,
        movement.delta,
        heldDelta,
        ...keyValues,
        movement.orderId ?? null,
        movement.reason,
        options.at ?? new Date(),
      );
    // A first movement on an account creates its zero balance row, then applies as usual.
    const createEmpty = () =>
      tx.$executeRawUnsafe(
        `INSERT INTO ${balance} (${key}, amount, held, updated_at) VALUES (${placeholders(1, n)}, 0, 0, now())
         ON CONFLICT (${key}) DO NOTHING`,
        ...keyValues,
      );
    const rows = await apply()
      .then(async (applied) => (applied.length ? applied : createEmpty().then(apply)))
      .catch((error: unknown) => {
        if (String(error).includes("_non_negative")) {
          throw new DomainError("insufficient_funds", `The ${movement.account.kind.replace("_", " ")} balance cannot cover this movement.`);
        }
        throw error;
      });
    const row = rows[0];
    posted.push({ ...movement, balanceAfter: row.amount, heldAfter: row.held });
  }
  return posted;
}
