import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Settings } from "@/lib/settings/read-settings";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { log } from "@/lib/observability/logger";
import { recordRiskEvent, type RiskSubject } from "./record-risk-event";

const COUNTED_OPEN = [...OPEN_STATUSES, "created"];

type CapCode = "customer_open_orders_limit" | "customer_velocity_limit";

/**
 * A cap refused the order: a 422 like any other rule, thrown inside the order's transaction.
 * Its risk_events row is written by recordCapRefusal once that transaction has rolled back.
 */
export class CustomerCapExceeded extends DomainError {
  constructor(
    code: CapCode,
    message: string,
    readonly subject: RiskSubject,
    readonly details: object,
  ) {
    super(code, message, { param: "customer_id" });
  }
}

/**
 * The per-customer caps (`fraud.max_open_orders_per_customer`, `fraud.max_orders_per_customer_per_hour`),
 * run as the first statement of the order's transaction. A transaction-scoped advisory lock on
 * (store id, hashtext(customer id)) queues one customer's creates until each has committed or
 * rolled back, so the count sees every earlier order of that customer and parallel creates
 * never pass a cap. Other customers take other locks and do not wait (a hash collision only
 * makes two customers queue; it never lets a cap slip).
 *
 * A refusal is thrown as CustomerCapExceeded and recorded by the caller, after the rollback,
 * with recordCapRefusal: not here, because writing through a second connection while holding
 * the lock could stall a pool whose other connections all wait on this lock.
 */
export async function checkCustomerCaps(tx: Tx, input: RiskSubject, settings: Settings, now = new Date()): Promise<void> {
  const openCap = settings["fraud.max_open_orders_per_customer"];
  const hourlyCap = settings["fraud.max_orders_per_customer_per_hour"];
  if (!openCap && !hourlyCap) return;

  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${input.storeId}::int, hashtext(${input.customerId}))`;
  const hourAgo = new Date(now.getTime() - 3600_000);
  const [counts] = await tx.$queryRaw<{ open: number; last_hour: number }[]>`
    SELECT count(*) FILTER (WHERE status = ANY(${COUNTED_OPEN}::order_status[]))::int AS open,
           count(*) FILTER (WHERE created_at >= ${hourAgo})::int AS last_hour
    FROM incoming_orders
    WHERE store_id = ${input.storeId} AND customer_id = ${input.customerId}
      AND (created_at >= ${hourAgo} OR status = ANY(${COUNTED_OPEN}::order_status[]))`;

  const subject = { storeId: input.storeId, type: input.type, amount: input.amount, customerId: input.customerId, merchantOrderId: input.merchantOrderId };
  if (openCap && counts.open >= openCap) {
    throw new CustomerCapExceeded("customer_open_orders_limit", `This customer already has ${counts.open} open orders.`, subject, { open: counts.open, cap: openCap });
  }
  if (hourlyCap && counts.last_hour >= hourlyCap) {
    throw new CustomerCapExceeded("customer_velocity_limit", "This customer made too many orders in the last hour.", subject, { lastHour: counts.last_hour, cap: hourlyCap });
  }
}

/**
 * For the order's caller, once its transaction has failed with `error`: records a cap refusal
 * in risk_events (the rollback took the transaction's writes with it) and hands `error` back
 * to be thrown. Any other error passes through untouched; a failed write is logged, so the
 * merchant still gets the 422.
 */
export async function recordCapRefusal(error: unknown): Promise<unknown> {
  if (error instanceof CustomerCapExceeded) {
    await recordRiskEvent(error.subject, error.code, error.details).catch((writeError: unknown) => {
      log.error({ err: writeError, risk_code: error.code, store_id: error.subject.storeId }, "risk event not recorded");
    });
  }
  return error;
}
