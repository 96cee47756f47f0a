import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Settings } from "@/lib/config/read-settings";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import type { OrderType } from "@/lib/generated/prisma/enums";

export interface StoreLimits {
  payin?: { min?: number; max?: number };
  payout?: { min?: number; max?: number };
}

/**
 * Fraud and limit checks before an order is created. A refusal is recorded in risk_events
 * (outside any order transaction, so it survives the refusal) and thrown as a 422 with the
 * rule's code.
 */
export async function checkNewOrder(
  input: { storeId: number; storeLimits: unknown; type: OrderType; amount: bigint; customerId: string; merchantOrderId: string },
  settings: Settings,
  now = new Date(),
): Promise<void> {
  const refuse = async (code: string, message: string, param: string | undefined, details: object) => {
    await prisma.riskEvent.create({
      data: { storeId: input.storeId, customerId: input.customerId, merchantOrderId: input.merchantOrderId, code, details: { ...details, type: input.type, amount: input.amount.toString() } },
    });
    throw new DomainError("invalid_request", code, message, param);
  };

  const bounds = ((input.storeLimits ?? {}) as StoreLimits)[input.type] ?? {};
  if (bounds.min !== undefined && input.amount < BigInt(bounds.min)) {
    await refuse("amount_too_small", `The store accepts ${input.type}s from ${bounds.min} minor units.`, "amount", { min: bounds.min });
  }
  if (bounds.max !== undefined && input.amount > BigInt(bounds.max)) {
    await refuse("amount_too_large", `The store accepts ${input.type}s up to ${bounds.max} minor units.`, "amount", { max: bounds.max });
  }
  if (settings["fraud.blacklisted_customer_ids"].includes(input.customerId)) {
    await refuse("customer_blocked", "This customer cannot make payments.", "customer_id", {});
  }

  const openCap = settings["fraud.max_open_orders_per_customer"];
  const hourlyCap = settings["fraud.max_orders_per_customer_per_hour"];
  if (!openCap && !hourlyCap) return;
  const hourAgo = new Date(now.getTime() - 3600_000);
  const [counts] = await prisma.$queryRaw<{ open: number; last_hour: number }[]>`
    SELECT count(*) FILTER (WHERE status = ANY(${[...OPEN_STATUSES, "created"]}::order_status[]))::int AS open,
           count(*) FILTER (WHERE created_at >= ${hourAgo})::int AS last_hour
    FROM incoming_orders
    WHERE store_id = ${input.storeId} AND customer_id = ${input.customerId}
      AND (created_at >= ${hourAgo} OR status = ANY(${[...OPEN_STATUSES, "created"]}::order_status[]))`;
  if (openCap && counts.open >= openCap) {
    await refuse("customer_open_orders_limit", `This customer already has ${counts.open} open orders.`, "customer_id", { open: counts.open, cap: openCap });
  }
  if (hourlyCap && counts.last_hour >= hourlyCap) {
    await refuse("customer_velocity_limit", "This customer made too many orders in the last hour.", "customer_id", { lastHour: counts.last_hour, cap: hourlyCap });
  }
}
