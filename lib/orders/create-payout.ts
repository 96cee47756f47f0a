import "server-only";
import { DomainError } from "@/lib/errors/domain-error";
import { currentRate } from "@/lib/currencies/current-rate";
import { fiatToCrypto } from "@/lib/money/convert";
import { splitPayout } from "@/lib/money/commissions";
import { postMovements } from "@/lib/ledger/post-movements";
import { toJson, type Actor } from "@/lib/audit/record-audit";
import type { StoreForOrders } from "./create-payin";
import { createOrder, type OrderIdempotency } from "./create-order";

export interface CreatePayoutInput {
  amount: bigint;
  currency: string;
  customerId: string;
  merchantOrderId: string;
  destination: { type: string; number: string; holder?: string; bank?: string };
  metadata?: unknown;
}

/**
 * Creates a payout: fixes the rate, holds the store's u·(1+s) USDT (refused with
 * `insufficient_balance` when the available balance cannot cover it, nothing written) and
 * tries to assign a trader at once.
 */
export async function createPayout(store: StoreForOrders, input: CreatePayoutInput, actor: Actor, now = new Date(), idempotency?: OrderIdempotency) {
  return createOrder(store, "payout", input, actor, now, {
    // The rate is fixed on the order, with the USDT value u of its amount.
    async prepare(tx, { settings, currency, settlement }) {
      // Sandbox stores simulate pay-ins only (README "Sandbox"): a payout would need a simulated
      // recipient and receipt, and its balance is test money anyway. Refused before anything is written.
      const isSandbox = store.isSandbox ?? (await tx.merchantStore.findUniqueOrThrow({ where: { id: store.id }, select: { isSandbox: true } })).isSandbox;
      if (isSandbox) throw new DomainError("sandbox_payouts_not_supported");
      const rate = await currentRate(tx, currency, settlement.id, settings);
      const u = fiatToCrypto(input.amount, currency.exponent, rate, settlement.exponent, "half_up");
      if (u <= 0n) throw new DomainError("amount_too_small", "The amount is worth less than the smallest USDT unit.", { param: "amount" });
      return { extra: { destination: toJson(input.destination), rate, cryptoAmount: u }, paymentMethodId: null };
    },
    // The hold is u·(1+s), with u and the commission s as the insert fixed them on the order.
    async inserted(tx, order, { settlement }) {
      const { storeDebit } = splitPayout(order.crypto_amount!, order.store_commission, "0");
      await postMovements(tx, [
        { account: { kind: "store", storeId: store.id, currencyId: settlement.id }, delta: -storeDebit, heldDelta: storeDebit, reason: "payout_hold", orderId: order.id },
      ]).catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === "insufficient_funds") {
          throw new DomainError("insufficient_balance", `The store's available USDT cannot cover this payout (needs ${storeDebit} micro-USDT).`, { param: "amount" });
        }
        throw error;
      });
    },
  }, idempotency);
}
