import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncomingOrder } from "@/lib/generated/prisma/client";
import { auditRowsInsertSql, SYSTEM_ACTOR, toJson, type Actor } from "@/lib/audit/record-audit";
import { callbackInsertSql } from "@/lib/callbacks/enqueue-callback";
import { newOrderId } from "@/lib/ids/ulid";
import { newPaymentToken } from "@/lib/payment-page/new-payment-token";
import { claimKeySql, IdempotencyKeyTaken, storeClaimedResponseSql, type IdempotencyClaim, type StoredResponse } from "@/lib/api/idempotency";
import { StaleCredentials } from "@/lib/api/authenticate-request";
import { LEDGER_TABLES } from "@/lib/ledger/accounts";
import type { MatchResult } from "@/lib/matching/select-requisite";
import { assertMayTransition } from "./transition-order";
import { credentialsHold, type NewOrder } from "./insert-order";
import type { OrderForApi } from "./serialize-order";

/** Every column of incoming_orders under its field name, as a Prisma model read returns it. */
const ORDER_COLUMNS = Prisma.raw(
  [
    "id", "type::text AS type", "store_id AS \"storeId\"", "amount", "original_amount AS \"originalAmount\"", "currency_id AS \"currencyId\"",
    "customer_id AS \"customerId\"", "merchant_order_id AS \"merchantOrderId\"", "payment_method_id AS \"paymentMethodId\"", "status::text AS status",
    "metadata", "destination", "requisite_id AS \"requisiteId\"", "trader_id AS \"traderId\"", "rate", "crypto_amount AS \"cryptoAmount\"",
    "expires_at AS \"expiresAt\"", "next_match_at AS \"nextMatchAt\"", "last_attempt_at AS \"lastAttemptAt\"", "retry_count AS \"retryCount\"",
    "failure_reason AS \"failureReason\"", "matched_at AS \"matchedAt\"", "paid_at AS \"paidAt\"", "completed_at AS \"completedAt\"",
    "ended_at AS \"endedAt\"", "store_commission AS \"storeCommission\"", "trader_reward AS \"traderReward\"",
    "offered_trader_id AS \"offeredTraderId\"", "offered_requisite_id AS \"offeredRequisiteId\"", "offer_expires_at AS \"offerExpiresAt\"",
    "declined_trader_ids AS \"declinedTraderIds\"", "payment_token AS \"paymentToken\"", "return_url AS \"returnUrl\"",
    "created_at AS \"createdAt\"", "updated_at AS \"updatedAt\"",
  ].join(", "),
);

export interface MatchedPayin {
  order: NewOrder;
  actor: Actor;
  match: MatchResult;
  rate: string;
  cryptoAmount: bigint;
  expiresAt: Date;
  settlementCurrencyId: number;
  currencyCode: string;
  /** The store's pay-in commission the match was made under (the trader's reward may not exceed it). */
  storeCommission: string;
  /** The request's Idempotency-Key: claimed by the INSERT, answered with `respond(order)` with the callback. */
  idempotency?: { claim: IdempotencyClaim; respond: (order: OrderForApi) => StoredResponse };
}

/**
 * A pay-in matched before it is written (the fast path of createOrder): one statement inserts
 * it straight into awaiting_payment with everything the match fixes (and, as insertOrder does,
 * its payment page token and return_url), and writes what creating
 * it and then matching it would have written — the `order.created` audit row, the
 * created → awaiting_payment history and audit rows, the requisite's last use, the hold of the
 * trader's USDT with its ledger history row, and the Idempotency-Key claim. The rows are the
 * same as insertOrder followed by transitionOrder produce (lib/orders/insert-matched-payin.test.ts
 * compares them), in one round trip instead of four; the callback and the stored answer (both
 * made of the order as written) follow in one more. The requisite and the trader's deposit row
 * are locked by the match already (selectRequisite).
 */
export async function insertMatchedPayin(tx: Tx, input: MatchedPayin): Promise<OrderForApi> {
  const { order, actor, match } = input;
  const claim = input.idempotency?.claim;
  const { now } = order;
  const to = "awaiting_payment" as const;
  assertMayTransition({ type: "payin", status: "created" }, to, SYSTEM_ACTOR);
  const id = newOrderId("payin", now);
  const hold = LEDGER_TABLES.trader_crypto;
  const [row] = await tx.$queryRaw<(IncomingOrder & { idempotency_id?: bigint | null; held_id: number | null })[]>`
    WITH o AS (
      INSERT INTO incoming_orders (id, type, store_id, amount, original_amount, currency_id, customer_id, merchant_order_id,
                                   metadata, payment_method_id, status, requisite_id, trader_id, rate, crypto_amount, trader_reward,
                                   matched_at, last_attempt_at, next_match_at, expires_at, created_at, updated_at, store_commission,
                                   payment_token, return_url)
      SELECT ${id}, 'payin'::order_type, s.id, ${match.amount}, ${order.amount}, ${order.currencyId}::int, ${order.customerId},
             ${order.merchantOrderId}, ${order.metadata == null ? null : JSON.stringify(toJson(order.metadata))}::jsonb,
             ${order.extra?.paymentMethodId ?? null}::int, ${to}::order_status, ${match.requisiteId}::int, ${match.traderId}::int,
             ${input.rate}::numeric, ${input.cryptoAmount}, ${match.traderReward}::numeric, ${now}, ${now}, NULL, ${input.expiresAt},
             ${now}, ${now}, s.payin_commission, ${newPaymentToken()}, ${order.extra?.returnUrl ?? null}
      FROM merchant_store s
      WHERE s.id = ${order.storeId}::int AND s.payin_commission = ${input.storeCommission}::numeric ${credentialsHold(order.credentials)}
      RETURNING ${ORDER_COLUMNS}
    ), audit AS (${auditRowsInsertSql([
      [actor, { action: "order.created", entityType: "order", entityId: id, newValues: { status: "created", type: "payin", amount: order.amount, merchant_order_id: order.merchantOrderId } }],
      [SYSTEM_ACTOR, { action: `order.${to}`, entityType: "order", entityId: id, oldValues: { status: "created" }, newValues: { status: to } }],
    ])}), history AS (
      INSERT INTO order_history (incoming_order_id, requisite_id, trader_id, rate, from_status, status, actor_user_id, actor_type)
      SELECT o.id, o."requisiteId", o."traderId", o.rate, 'created', ${to}::order_status, NULL, ${SYSTEM_ACTOR.type} FROM o
    ), touched AS (
      UPDATE req_trader SET last_used_at = ${now} WHERE id = ${match.requisiteId}::int AND EXISTS (SELECT 1 FROM o)
    ), b AS (
      UPDATE ${Prisma.raw(hold.balance)} SET amount = amount - ${input.cryptoAmount}, held = held + ${input.cryptoAmount}, updated_at = now()
      WHERE trader_id = ${match.traderId}::int AND currency_id = ${input.settlementCurrencyId}::int AND EXISTS (SELECT 1 FROM o)
      RETURNING id, amount, held
    ), h AS (
      INSERT INTO ${Prisma.raw(hold.history)} (${Prisma.raw(hold.historyBalance)}, trader_id, currency_id, order_id, delta, held_delta, balance_after, held_after, reason, created_at)
      SELECT b.id, ${match.traderId}::int, ${input.settlementCurrencyId}::int, ${id}, ${-input.cryptoAmount}, ${input.cryptoAmount}, b.amount, b.held, 'payin_hold', ${now}
      FROM b
    )${claim ? claimKeySql(claim) : Prisma.empty}
    SELECT o.*, (SELECT id FROM b) AS held_id
           ${claim ? Prisma.sql`, (SELECT idempotency_id FROM claimed) AS idempotency_id` : Prisma.empty}
    FROM o`;
  // No row: the store (or, for a cached key, the credentials) changed since it was read.
  if (!row) throw new StaleCredentials();
  const { idempotency_id: claimedId, held_id: heldId, ...written } = row;
  // The match locked the trader's deposit row and checked it covers the hold.
  if (heldId == null) throw new Error(`The USDT deposit of trader ${match.traderId} is missing`);
  if (claim) {
    if (claimedId == null) throw new IdempotencyKeyTaken();
    claim.rowId = claimedId;
  }
  const updated: OrderForApi = { ...written, currency: { code: input.currencyCode }, requisite: match.requisite };
  const answer = input.idempotency;
  await tx.$executeRaw(
    answer
      ? Prisma.sql`WITH callback AS (${callbackInsertSql(updated)}) ${storeClaimedResponseSql(answer.claim, answer.respond(updated))}`
      : callbackInsertSql(updated),
  );
  return updated;
}
