import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { SYSTEM_ACTOR, recordAudit } from "@/lib/audit/record-audit";
import { postMovements } from "@/lib/ledger/post-movements";
import { settlementCurrency } from "@/lib/currencies/settlement-currency";
import { ensureRole } from "@/lib/platform/reference-data";

/** The simulated trader's user: an address nobody receives mail at (RFC 2606 .invalid). */
export const SANDBOX_TRADER_EMAIL = "sandbox-trader@jivapay.invalid";
/**
 * Not a hash any password verifies against (lib/auth/password.ts: a malformed hash matches
 * nothing), and lib/auth/authenticate.ts refuses a sandbox trader's sign-in besides.
 */
const NO_PASSWORD = "!sandbox-trader-cannot-sign-in";
/** The deposit is topped up to TOP_UP when it falls below LOW (micro-USDT: 1e9 and 1e8 USDT). */
const TOP_UP = 1_000_000_000_000_000n;
const LOW = 100_000_000_000_000n;
/** Requisite limits no test traffic reaches (minor units of the fiat currency). */
const LIMITS = { minAmount: 1n, maxAmount: 1_000_000_000_000n, dailyLimit: 1_000_000_000_000_000n };
const LOCK = "jivapay.sandbox_trader";

interface SandboxTraderState {
  traderId: number;
  userId: number;
  deposit: bigint;
  missing: { currency_id: number; method_id: number; method_code: string }[];
}

/**
 * The platform's simulated sandbox trader, created or completed when something is missing and
 * returned: a user that cannot sign in (role trader, no usable password), a trader with
 * is_sandbox = true, no team and reward 0 (sandbox stores pay commission 0, so the platform's
 * share of sandbox orders is exactly 0), one requisite per active fiat currency × active payment
 * method with obviously fake details and limits no test reaches, and a USDT deposit credited
 * through the ledger (deposit_credit with its history row, audited) and topped up when low —
 * every completed sandbox pay-in moves its USDT to the sandbox store.
 *
 * Idempotent and safe to call concurrently (an advisory lock serialises the writers); cheap
 * when nothing is missing (one read), so the simulator's tick calls it every time. Works on any
 * database: sandbox is a product feature, not demo data. Runs in `tx` when given (the demo seed).
 */
export async function ensureSandboxTrader(tx?: Tx): Promise<{ traderId: number; userId: number }> {
  if (!tx) return runTransaction((own) => ensureSandboxTrader(own));
  const current = await readState(tx);
  if (current && current.deposit >= LOW && current.missing.length === 0) return current;

  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
  const state = (await readState(tx)) ?? (await readState(tx, await createTrader(tx)));
  if (!state) throw new Error("The sandbox trader could not be created");
  for (const combo of state.missing) await createRequisite(tx, state.traderId, combo);
  if (state.deposit < LOW) await topUp(tx, state.traderId, TOP_UP - state.deposit);
  return { traderId: state.traderId, userId: state.userId };
}

async function readState(tx: Tx, created?: number): Promise<SandboxTraderState | null> {
  const trader = await tx.trader.findFirst({
    where: created !== undefined ? { id: created } : { isSandbox: true, user: { email: SANDBOX_TRADER_EMAIL } },
    select: { id: true, userId: true },
  });
  if (!trader) return null;
  const usdt = await settlementCurrency(tx);
  const balance = await tx.balanceTraderCrypto.findUnique({ where: { traderId_currencyId: { traderId: trader.id, currencyId: usdt.id } }, select: { amount: true } });
  const missing = await tx.$queryRaw<SandboxTraderState["missing"]>`
    SELECT c.id AS currency_id, pm.id AS method_id, pm.code AS method_code
    FROM currencies c CROSS JOIN payment_methods pm
    WHERE c.kind = 'fiat' AND c.is_active AND pm.is_active
      AND NOT EXISTS (SELECT 1 FROM req_trader r JOIN full_requisites_settings s ON s.req_id = r.id
                      WHERE r.trader_id = ${trader.id}::int AND r.payment_method_id = pm.id AND s.currency_id = c.id)
    ORDER BY c.id, pm.id`;
  return { traderId: trader.id, userId: trader.userId, deposit: balance?.amount ?? 0n, missing };
}

async function createTrader(tx: Tx): Promise<number> {
  const role = await ensureRole(tx, "trader");
  const user = await tx.user.upsert({
    where: { email: SANDBOX_TRADER_EMAIL },
    update: {},
    create: { email: SANDBOX_TRADER_EMAIL, passwordHash: NO_PASSWORD, roleId: role.id, name: "JivaPay sandbox trader" },
    select: { id: true },
  });
  const trader = await tx.trader.create({
    data: { userId: user.id, isSandbox: true, payinReward: "0", payoutReward: "0", teamLeadId: null, trafficPriority: 0 },
    select: { id: true },
  });
  await recordAudit(tx, SYSTEM_ACTOR, { action: "sandbox_trader_created", entityType: "trader", entityId: trader.id, newValues: { userId: user.id, isSandbox: true } });
  return trader.id;
}

/** Details no one could mistake for a real account: the well-known test card, a zero phone number. */
function fakeDetails(methodCode: string): { type: string; details: { number: string; holder: string } } {
  const holder = "JIVAPAY SANDBOX";
  if (methodCode === "card") return { type: "card", details: { number: "4242424242424242", holder } };
  if (methodCode === "sbp") return { type: "sbp", details: { number: "+70000000000", holder } };
  return { type: "account", details: { number: "SANDBOX-0000", holder } };
}

async function createRequisite(tx: Tx, traderId: number, combo: SandboxTraderState["missing"][number]) {
  const { type, details } = fakeDetails(combo.method_code);
  await tx.reqTrader.create({
    data: { traderId, type, paymentMethodId: combo.method_id, details, settings: { create: { currencyId: combo.currency_id, ...LIMITS } } },
  });
}

async function topUp(tx: Tx, traderId: number, amount: bigint) {
  const usdt = await settlementCurrency(tx);
  const [posted] = await postMovements(tx, [{ account: { kind: "trader_crypto", traderId, currencyId: usdt.id }, delta: amount, reason: "deposit_credit" }]);
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: "trader_deposit_credited",
    entityType: "trader",
    entityId: traderId,
    oldValues: { available: posted.balanceAfter - amount },
    newValues: { available: posted.balanceAfter, amount, currency: usdt.code, note: "sandbox trader top-up (test money)" },
  });
}
