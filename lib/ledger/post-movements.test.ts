import { beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "@/lib/ledger/check-ledger";

// These tests hold funds without orders, so only the ledger's own invariants apply here, not
// "held equals the value of open pay-ins".
const ledgerStructureProblems = async () => (await checkLedger(prisma)).filter((v) => !v.invariant.startsWith("trader held"));
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { createStore, createTrader, ensureCurrencies } from "@/lib/testing";
import type { LedgerAccount, Movement } from "./accounts";
import { postMovements } from "./post-movements";

let usdt: number;
beforeAll(async () => {
  usdt = (await ensureCurrencies(prisma)).USDT.id;
});

const post = (movements: Movement[]) => prisma.$transaction((tx) => postMovements(tx, movements), { maxWait: 30_000, timeout: 30_000 });
const traderAccount = async (): Promise<LedgerAccount> => ({ kind: "trader_crypto", traderId: (await createTrader(prisma)).id, currencyId: usdt });
const storeAccount = async (): Promise<LedgerAccount> => ({ kind: "store", storeId: (await createStore(prisma)).id, currencyId: usdt });

async function traderBalance(traderId: number) {
  return prisma.balanceTraderCrypto.findUnique({ where: { traderId_currencyId: { traderId, currencyId: usdt } }, include: { history: { orderBy: { id: "asc" } } } });
}

describe("postMovements", () => {
  it("creates the balance row and a history row with the values after", async () => {
    const account = await traderAccount();
    const [posted] = await post([{ account, delta: 1_000_000n, reason: "deposit_credit" }]);
    expect(posted).toMatchObject({ balanceAfter: 1_000_000n, heldAfter: 0n });
    const balance = await traderBalance(account.kind === "trader_crypto" ? account.traderId : 0);
    expect(balance).toMatchObject({ amount: 1_000_000n, held: 0n });
    expect(balance!.history).toHaveLength(1);
    expect(balance!.history[0]).toMatchObject({ delta: 1_000_000n, heldDelta: 0n, balanceAfter: 1_000_000n, heldAfter: 0n, reason: "deposit_credit", orderId: null });
  });

  it("debits and holds an existing balance", async () => {
    const account = await traderAccount();
    await post([{ account, delta: 1_000n, reason: "deposit_credit" }]);
    const [hold] = await post([{ account, delta: -400n, heldDelta: 400n, reason: "payin_hold" }]);
    expect(hold).toMatchObject({ balanceAfter: 600n, heldAfter: 400n });
    const [release] = await post([{ account, delta: 0n, heldDelta: -400n, reason: "payin_complete" }]);
    expect(release).toMatchObject({ balanceAfter: 600n, heldAfter: 0n });
    const balance = await traderBalance((account as { traderId: number }).traderId);
    expect(balance!.history.map((h) => [h.delta, h.heldDelta, h.balanceAfter, h.heldAfter])).toEqual([
      [1_000n, 0n, 1_000n, 0n],
      [-400n, 400n, 600n, 400n],
      [0n, -400n, 600n, 0n],
    ]);
  });

  it("moves money between several accounts in one call and skips empty movements", async () => {
    const [trader, store] = [await traderAccount(), await storeAccount()];
    await post([{ account: trader, delta: 500n, reason: "deposit_credit" }]);
    const posted = await post([
      { account: trader, delta: -300n, reason: "transfer" },
      { account: store, delta: 290n, reason: "transfer" },
      { account: { kind: "platform", currencyId: usdt }, delta: 10n, reason: "transfer" },
      { account: store, delta: 0n, heldDelta: 0n, reason: "nothing" },
    ]);
    expect(posted.map((p) => p.account.kind).sort()).toEqual(["platform", "store", "trader_crypto"]);
    expect(await ledgerStructureProblems()).toEqual([]);
  });

  it("refuses an overdraft with insufficient_funds and leaves nothing behind", async () => {
    const [trader, store] = [await traderAccount(), await storeAccount()];
    await post([{ account: trader, delta: 100n, reason: "deposit_credit" }]);
    const before = await traderBalance((trader as { traderId: number }).traderId);

    const attempt = post([
      { account: store, delta: 101n, reason: "transfer" },
      { account: trader, delta: -101n, reason: "transfer" },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ kind: "insufficient_funds", code: "insufficient_funds" });

    // The store credit earlier in the same transaction was rolled back with it.
    expect(await traderBalance((trader as { traderId: number }).traderId)).toEqual(before);
    expect(await prisma.balanceStore.count({ where: { storeId: (store as { storeId: number }).storeId } })).toBe(0);
    expect(await prisma.balanceStoreHistory.count({ where: { storeId: (store as { storeId: number }).storeId } })).toBe(0);
  });

  it("refuses to debit a balance that does not exist yet, or to release more than is held", async () => {
    const trader = await traderAccount();
    await expect(post([{ account: trader, delta: -1n, reason: "transfer" }])).rejects.toMatchObject({ code: "insufficient_funds" });
    expect(await traderBalance((trader as { traderId: number }).traderId)).toBeNull();

    await post([{ account: trader, delta: 50n, heldDelta: 50n, reason: "deposit_credit" }]);
    await expect(post([{ account: trader, delta: 51n, heldDelta: -51n, reason: "payin_release" }])).rejects.toMatchObject({ code: "insufficient_funds" });
    expect(await traderBalance((trader as { traderId: number }).traderId)).toMatchObject({ amount: 50n, held: 50n });
  });

  it("keeps balance == sum of history under 50 concurrent transactions, never spending more than there is", async () => {
    const trader = await traderAccount();
    const platform: LedgerAccount = { kind: "platform", currencyId: usdt };
    await post([{ account: trader, delta: 25n, reason: "deposit_credit" }]);
    const platformBefore = (await prisma.balancePlatform.findUnique({ where: { currencyId: usdt } }))?.amount ?? 0n;

    // 50 transfers of 1 from an account holding 25: exactly 25 may succeed.
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        post([
          { account: platform, delta: 1n, reason: "transfer" },
          { account: trader, delta: -1n, reason: "transfer" },
        ]),
      ),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(25);
    for (const failure of failures) expect((failure as PromiseRejectedResult).reason).toMatchObject({ code: "insufficient_funds" });

    const balance = await traderBalance((trader as { traderId: number }).traderId);
    expect(balance).toMatchObject({ amount: 0n, held: 0n });
    expect(balance!.history).toHaveLength(26);
    expect((await prisma.balancePlatform.findUniqueOrThrow({ where: { currencyId: usdt } })).amount).toBe(platformBefore + 25n);
    expect(await ledgerStructureProblems()).toEqual([]);
  });

  it("does not deadlock when concurrent transactions list the same accounts in opposite orders", async () => {
    const [a, b] = [await traderAccount(), await traderAccount()];
    await post([{ account: a, delta: 1_000n, reason: "deposit_credit" }]);
    await post([{ account: b, delta: 1_000n, reason: "deposit_credit" }]);
    const transfers = Array.from({ length: 50 }, (_, i) => {
      const [from, to] = i % 2 ? [a, b] : [b, a];
      const amount = BigInt(1 + (i % 7));
      // Listed debit-first or credit-first: postMovements must lock in its own fixed order.
      const movements: Movement[] = [
        { account: from, delta: -amount, reason: "transfer" },
        { account: to, delta: amount, reason: "transfer" },
      ];
      return post(i % 4 < 2 ? movements : movements.reverse());
    });
    const results = await Promise.allSettled(transfers);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const [balanceA, balanceB] = await Promise.all([traderBalance((a as { traderId: number }).traderId), traderBalance((b as { traderId: number }).traderId)]);
    expect(balanceA!.amount + balanceB!.amount).toBe(2_000n);
    expect([balanceA!.held, balanceB!.held]).toEqual([0n, 0n]);
    expect(await ledgerStructureProblems()).toEqual([]);
  });
});
