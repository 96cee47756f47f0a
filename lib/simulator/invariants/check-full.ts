import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import type { Violation } from "./facts";

/**
 * The whole-database checks, run every K steps and at the end: lib/ledger's checkLedger
 * (invariant 1: balances equal their history, chains consistent, nothing negative, every
 * order's movements sum to zero, traders' held USDT equals their open pay-ins), plus the
 * dispute pairing and the platform's share over every order (3, 7).
 */
export async function checkFull(prisma: PrismaClient): Promise<Violation[]> {
  const found: Violation[] = (await checkLedger(prisma)).map((v) => ({ invariant: `1 ledger: ${v.invariant}`, detail: v.detail }));
  const unpaired = await prisma.$queryRawUnsafe<{ id: string; status: string; open: number }[]>(`
    SELECT o.id, o.status::text, (SELECT count(*) FROM disputes d WHERE d.order_id = o.id AND d.status = 'open')::int AS open
    FROM incoming_orders o
    WHERE o.status = 'disputed' OR EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id AND d.status = 'open')`);
  for (const row of unpaired) {
    if (row.status === "disputed" ? row.open !== 1 : row.open !== 0) {
      found.push({ invariant: "3 open dispute ⇔ disputed order", detail: `order ${row.id} is ${row.status} with ${row.open} open dispute(s)` });
    }
  }
  const negativeShare = await prisma.$queryRawUnsafe<{ id: string; store_commission: string; trader_reward: string }[]>(`
    SELECT id, store_commission::text, trader_reward::text FROM incoming_orders WHERE trader_reward > store_commission LIMIT 20`);
  for (const row of negativeShare) {
    found.push({ invariant: "7 commission snapshot", detail: `order ${row.id}: trader_reward ${row.trader_reward} above store_commission ${row.store_commission}` });
  }
  return found;
}
