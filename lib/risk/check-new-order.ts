import "server-only";
import { DomainError, type ErrorCode } from "@/lib/errors/domain-error";
import type { Settings } from "@/lib/settings/read-settings";
import { recordRiskEvent, type RiskSubject } from "./record-risk-event";

export interface StoreLimits {
  payin?: { min?: number; max?: number };
  payout?: { min?: number; max?: number };
}

/**
 * The checks of a new order that need no count (the store's amount bounds, the blacklist), run
 * before the order's transaction. A refusal is recorded in risk_events and thrown as a 422 with
 * the rule's code. The per-customer caps are checkCustomerCaps, inside the transaction.
 */
export async function checkNewOrder(input: RiskSubject & { storeLimits: unknown }, settings: Settings): Promise<void> {
  const refuse = async (code: ErrorCode, message: string, param: string, details: object): Promise<never> => {
    await recordRiskEvent(input, code, details);
    throw new DomainError(code, message, { param });
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
}
