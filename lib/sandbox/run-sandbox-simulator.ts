import "server-only";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-audit";
import { lockOrder } from "@/lib/orders/load-order";
import { endLockedOrder } from "@/lib/orders/end-order";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { completePayin } from "@/lib/orders/complete-payin";
import { openDispute } from "@/lib/disputes/open-dispute";
import { NO_REQUISITE_AVAILABLE } from "@/lib/matching/retry-due-matches";
import { ensureSandboxTrader } from "./ensure-sandbox-trader";
import { SANDBOX_STEP_SECONDS, sandboxScenario } from "./sandbox-scenario";

export type SandboxStep = "failed" | "paid" | "completed" | "disputed";

interface DueOrder {
  id: string;
  status: "created" | "awaiting_payment" | "paid";
  amount: bigint;
  store_id: number;
  trader_id: number | null;
  trader_user_id: number | null;
}

const CUSTOMER: Actor = { type: "customer" };
const MONEY_DID_NOT_ARRIVE = "Sandbox: the simulated trader says the money did not arrive (amount ending in 02).";

/**
 * The sandbox simulator's tick (a sweep, every second): moves sandbox pay-ins the way their
 * amount's last two digits ask (lib/sandbox/sandbox-scenario.ts), through the same domain
 * functions and lifecycle table as real orders, each step as the party that makes it in real
 * life — so every step writes its history, ledger movements and signed callback like any order:
 *
 * - `…00`: the customer reports the payment, then the sandbox trader confirms (→ completed);
 * - `…02`: the customer reports the payment, then the trader disputes ("money did not arrive");
 * - `…03`: matching skipped it (lib/matching/match-order.ts); the system fails it (created → failed);
 * - `…01`: nothing here — its short deadline, set at matching, is expired by the ordinary expiry sweep;
 * - anything else: once the merchant confirmed (POST /payin/{id}/confirm), the trader completes it.
 *
 * Each step waits SANDBOX_STEP_SECONDS after the previous one. Only orders of a sandbox store
 * are picked, and once matched only those of a sandbox trader (both flags are fixed at
 * creation, and a pay-in's trader never changes): a live order is never touched. Each order is
 * moved in its own transaction; an order a merchant or sweep moved meanwhile is left as it is.
 */
export async function runSandboxSimulator(options: { now?: Date; limit?: number } = {}): Promise<Record<SandboxStep, number>> {
  const now = options.now ?? new Date();
  const counts: Record<SandboxStep, number> = { failed: 0, paid: 0, completed: 0, disputed: 0 };
  const stores = await prisma.merchantStore.findMany({ where: { isSandbox: true }, select: { id: true } });
  if (stores.length === 0) return counts;
  // A sandbox store exists: its orders need the simulated trader (deposit kept topped up).
  await ensureSandboxTrader();

  const due = new Date(now.getTime() - SANDBOX_STEP_SECONDS * 1000);
  const storeIds = stores.map((store) => store.id);
  const orders = await prisma.$queryRaw<DueOrder[]>`
    SELECT o.id, o.status, o.amount, o.store_id, o.trader_id, t.user_id AS trader_user_id
    FROM incoming_orders o
    JOIN merchant_store s ON s.id = o.store_id AND s.is_sandbox
    LEFT JOIN trader t ON t.id = o.trader_id
    WHERE o.store_id = ANY(${storeIds}::int[]) AND o.type = 'payin'
      AND ((o.status = 'created' AND o.trader_id IS NULL AND o.amount % 100 = 3 AND o.created_at <= ${due})
        OR (o.status = 'awaiting_payment' AND t.is_sandbox AND o.amount % 100 IN (0, 2) AND o.matched_at <= ${due})
        OR (o.status = 'paid' AND t.is_sandbox AND o.amount % 100 <> 1 AND o.paid_at <= ${due}))
    ORDER BY o.created_at
    LIMIT ${options.limit ?? 100}`;

  for (const order of orders) {
    const step = await moveOrder(order, now).catch((error: unknown) => {
      // Someone else moved it first (the merchant cancelled, a sweep expired it): nothing to do.
      if (error instanceof DomainError) return null;
      throw error;
    });
    if (step) counts[step]++;
  }
  return counts;
}

async function moveOrder(order: DueOrder, now: Date): Promise<SandboxStep | null> {
  const scenario = sandboxScenario(order.amount);
  if (order.status === "created") {
    return runTransaction(async (tx) => {
      const locked = await lockOrder(tx, order.id, { storeId: order.store_id });
      if (locked.status !== "created" || locked.trader_id !== null) return null;
      await endLockedOrder(tx, locked, "failed", SYSTEM_ACTOR, { reason: NO_REQUISITE_AVAILABLE, now });
      return "failed";
    });
  }
  if (order.trader_id === null || order.trader_user_id === null) return null;
  const trader: Actor = { type: "trader_api", userId: order.trader_user_id };
  if (order.status === "awaiting_payment") {
    await markPayinPaid(order.id, order.store_id, CUSTOMER);
    return "paid";
  }
  if (scenario === "dispute") {
    await openDispute({ orderId: order.id, traderId: order.trader_id, reason: MONEY_DID_NOT_ARRIVE, evidence: [], actor: trader, via: "trader", now });
    return "disputed";
  }
  await completePayin(order.id, { traderId: order.trader_id }, trader, "Sandbox: the simulated trader confirmed the payment.");
  return "completed";
}
