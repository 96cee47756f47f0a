import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { readSettings, type Settings } from "@/lib/settings/read-settings";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { findCurrency, SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";
import { lockOrder, type LockedOrder } from "@/lib/orders/load-order";
import { endLockedOrder } from "@/lib/orders/end-order";
import { sweepDueOrders } from "@/lib/orders/sweep-due-orders";
import { matchOrder } from "./match-order";
import { withdrawOffer } from "./withdraw-offer";
import { matchingExhausted, nextMatchAttemptAt, type MatchAttempts } from "./backoff";

export type RetryOutcome = "matched" | "offered" | "rescheduled" | "failed";

export interface RetryResult {
  outcome: RetryOutcome;
  /** When the order is due again (rescheduled only): an event-driven caller sleeps until then. */
  nextMatchAt: Date | null;
}

/** failure_reason of an order that no requisite took within its attempts and window. */
export const NO_REQUISITE_AVAILABLE = "no_requisite_available";

/**
 * One due matching attempt of a `created` order, under its lock. retry_count counts the
 * attempts that found nothing (the create request's own attempt is the first), so
 * order.match_attempts bounds all attempts together. Returns null when the order is no longer
 * `created` or not yet due. A payout whose offer lapsed is offered to the next trader.
 */
async function retryLocked(tx: Tx, id: string, now: Date, settings: Settings): Promise<RetryResult | null> {
  const order = await lockOrder(tx, id);
  if (order.status !== "created") return null;
  const { nextMatchAt } = await tx.incomingOrder.findUniqueOrThrow({ where: { id }, select: { nextMatchAt: true } });
  if (!nextMatchAt || nextMatchAt > now) return null;
  // The trader a payout was offered to let the offer lapse: an answer, not a failed attempt (it
  // does not use up order.match_attempts).
  const current = order.offered_trader_id !== null ? await withdrawOffer(tx, order, SYSTEM_ACTOR, "order.offer_lapsed") : order;
  return attemptMatch(tx, current, now, settings);
}

/**
 * Tries to match (a pay-in) or offer (a payout) a `created` order the caller has locked, now:
 * matched or offered, else rescheduled with backoff, or failed once its attempts or window are
 * used up. Also used when a trader declines or releases a payout, to offer it on at once (the
 * caller then announces a rescheduled attempt; the Inngest retry function's own loop does).
 */
export async function attemptMatch(tx: Tx, order: LockedOrder, now: Date, settings: Settings): Promise<RetryResult> {
  // The same context the create request matched with, read back from the order.
  const row = await tx.incomingOrder.findUniqueOrThrow({
    where: { id: order.id },
    select: { createdAt: true, retryCount: true, paymentMethodId: true, currency: true, store: { select: { allowAmountAdjustment: true, isSandbox: true } } },
  });
  const attempts: MatchAttempts = { createdAt: row.createdAt, failedAttempts: row.retryCount };
  if (matchingExhausted(attempts, now, settings)) return fail(tx, order, {}, now);

  const settlement = await findCurrency(tx, SETTLEMENT_CURRENCY);
  const matched = await matchOrder(tx, order, {
    settings,
    currency: row.currency,
    settlement,
    store: row.store,
    paymentMethodId: row.paymentMethodId,
    now,
  });
  if (matched && matched.status === "created") return { outcome: "offered", nextMatchAt: matched.offerExpiresAt };
  if (matched) return { outcome: "matched", nextMatchAt: null };

  const tried = { retryCount: row.retryCount + 1, lastAttemptAt: now };
  const nextMatchAt = nextMatchAttemptAt({ ...attempts, failedAttempts: tried.retryCount }, now, settings);
  if (!nextMatchAt) return fail(tx, order, tried, now);
  await tx.incomingOrder.update({ where: { id: order.id }, data: { ...tried, nextMatchAt } });
  return { outcome: "rescheduled", nextMatchAt };
}

/** created → failed; a payout's store hold is released (a pay-in holds nothing before matching). */
async function fail(tx: Tx, order: LockedOrder, attempt: Prisma.IncomingOrderUncheckedUpdateInput, now: Date): Promise<RetryResult> {
  await endLockedOrder(tx, order, "failed", SYSTEM_ACTOR, { reason: NO_REQUISITE_AVAILABLE, patch: attempt, now });
  return { outcome: "failed", nextMatchAt: null };
}

/** The event-driven path: one order's due attempt; null when it is not due or no longer unmatched. */
export async function retryMatch(id: string, now = new Date()): Promise<RetryResult | null> {
  const settings = await readSettings();
  return runTransaction((tx) => retryLocked(tx, id, now, settings));
}

/**
 * The sweep: every unmatched order whose next attempt is due (up to `limit` per call), oldest
 * due first through the (status, next_match_at) index, each in its own transaction. Safe to
 * run in parallel with other sweeps and with retryMatch.
 */
export async function retryDueMatches(options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date();
  const settings = await readSettings();
  return sweepDueOrders<RetryOutcome>({
    limit: options.limit ?? 100,
    counts: { matched: 0, offered: 0, rescheduled: 0, failed: 0 },
    pick: async (tx, handled) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM incoming_orders
        WHERE status = 'created' AND next_match_at <= ${now} AND id <> ALL(${handled}::text[])
        ORDER BY next_match_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
      return rows[0]?.id;
    },
    handle: async (tx, id) => (await retryLocked(tx, id, now, settings))?.outcome ?? null,
  });
}
