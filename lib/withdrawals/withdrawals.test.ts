import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { postMovements } from "@/lib/ledger/post-movements";
import { createAdmin, createStore, createUser, ensureCurrencies, type CurrencyRow } from "@/lib/testing";
import { requestStoreWithdrawal } from "@/lib/withdrawals/store-withdrawals";
import { approveWithdrawal } from "./approve-withdrawal";
import { rejectWithdrawal } from "./reject-withdrawal";
import { requestWithdrawal } from "./request-withdrawal";

const TRON = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8";
const EVM = "0x52908400098527886E0F7030069857D2E4169EE7";
let usdt: CurrencyRow;
let rub: CurrencyRow;
let admin: Actor;

beforeAll(async () => {
  ({ USDT: usdt, RUB: rub } = await ensureCurrencies(prisma));
  admin = { type: "user", userId: (await createAdmin(prisma)).user.id };
});

/** A merchant's store holding `available` micro-USDT. */
async function fundedStore(available: bigint) {
  const user = await createUser(prisma, { role: "merchant" });
  const store = await createStore(prisma, { userId: user.id });
  await prisma.$transaction((tx) => postMovements(tx, [{ account: { kind: "store", storeId: store.id, currencyId: usdt.id }, delta: available, reason: "adjustment" }]));
  const actor: Actor = { type: "user", userId: user.id };
  return { user, store, actor };
}

const balance = (storeId: number) =>
  prisma.balanceStore.findUniqueOrThrow({ where: { storeId_currencyId: { storeId, currencyId: usdt.id } }, select: { amount: true, held: true } });
const history = (storeId: number) =>
  prisma.balanceStoreHistory.findMany({ where: { storeId }, orderBy: { id: "asc" }, select: { delta: true, heldDelta: true, reason: true } });
const audits = (id: number) => prisma.auditLog.findMany({ where: { entityType: "withdrawal", entityId: String(id) }, orderBy: { id: "asc" } });

describe("requestWithdrawal", () => {
  it("holds the amount and records a pending request with an audit row", async () => {
    const { store, actor } = await fundedStore(10_000_000n);
    const request = await requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 2_500_000n, address: TRON }, actor);
    expect(request).toMatchObject({ storeId: store.id, currencyId: usdt.id, amount: 2_500_000n, address: TRON, status: "pending", decidedById: null });
    expect(await balance(store.id)).toEqual({ amount: 7_500_000n, held: 2_500_000n });
    expect((await history(store.id)).at(-1)).toEqual({ delta: -2_500_000n, heldDelta: 2_500_000n, reason: "withdrawal_hold" });
    const [audit] = await audits(request.id);
    expect(audit).toMatchObject({ action: "withdrawal.requested", userId: actor.userId, newValues: { amount: "2500000", address: TRON, status: "pending" } });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("refuses more than is available, a bad address, a zero amount and a fiat currency, changing nothing", async () => {
    const { store, actor } = await fundedStore(1_000_000n);
    const attempt = (amount: bigint, address = EVM, currencyCode = "USDT") => requestWithdrawal({ storeId: store.id, currencyCode, amount, address }, actor);
    await expect(attempt(1_000_001n)).rejects.toMatchObject({ kind: "insufficient_funds", param: "amount" });
    await expect(attempt(1n, "TJRabPrwbZy45sbavfcjinPJC18kjpRTv0")).rejects.toMatchObject({ code: "invalid_address" });
    await expect(attempt(1n, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).rejects.toMatchObject({ code: "invalid_address" });
    await expect(attempt(0n)).rejects.toMatchObject({ code: "invalid_amount" });
    await expect(attempt(1n, EVM, "RUB")).rejects.toMatchObject({ code: "unsupported_currency" });
    expect(await balance(store.id)).toEqual({ amount: 1_000_000n, held: 0n });
    expect(await prisma.withdrawalRequest.count({ where: { storeId: store.id } })).toBe(0);
    expect(rub.kind).toBe("fiat");
  });

  it("through the cabinet refuses another merchant's store: not found, nothing held", async () => {
    const { store } = await fundedStore(5_000_000n);
    const intruder = await fundedStore(0n);
    await expect(
      requestStoreWithdrawal(intruder.user.id, { storeId: store.id, currencyCode: "USDT", amount: 1_000_000n, address: TRON }, intruder.actor),
    ).rejects.toMatchObject({ kind: "not_found", code: "store_not_found" });
    expect(await balance(store.id)).toEqual({ amount: 5_000_000n, held: 0n });
  });

  it("never holds more than is available under concurrent requests", async () => {
    const { store, actor } = await fundedStore(10_000_000n);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 3_000_000n, address: TRON }, actor)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await balance(store.id)).toEqual({ amount: 1_000_000n, held: 9_000_000n });
    expect(await checkLedger(prisma)).toEqual([]);
  });
});

describe("approveWithdrawal / rejectWithdrawal", () => {
  it("approve spends the hold, marks approved with who and when, and refuses a second decision", async () => {
    const { store, actor } = await fundedStore(10_000_000n);
    const request = await requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 4_000_000n, address: TRON }, actor);
    const approved = await approveWithdrawal(request.id, admin, "  sent, tx 0xabc  ");
    expect(approved).toMatchObject({ id: request.id, status: "approved", note: "sent, tx 0xabc", decidedById: admin.userId });
    expect(approved.decidedAt).toBeInstanceOf(Date);
    expect(await balance(store.id)).toEqual({ amount: 6_000_000n, held: 0n });
    expect((await history(store.id)).at(-1)).toEqual({ delta: 0n, heldDelta: -4_000_000n, reason: "withdrawal_paid" });

    await expect(approveWithdrawal(request.id, admin)).rejects.toMatchObject({ kind: "invalid_state", code: "withdrawal_already_decided" });
    await expect(rejectWithdrawal(request.id, admin, "too late")).rejects.toMatchObject({ code: "withdrawal_already_decided" });
    expect(await balance(store.id)).toEqual({ amount: 6_000_000n, held: 0n });
    expect((await audits(request.id)).map((a) => a.action)).toEqual(["withdrawal.requested", "withdrawal.approved"]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("reject returns the hold to available and needs a note", async () => {
    const { store, actor } = await fundedStore(10_000_000n);
    const request = await requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 4_000_000n, address: EVM }, actor);
    await expect(rejectWithdrawal(request.id, admin, "   ")).rejects.toMatchObject({ code: "note_required" });
    const rejected = await rejectWithdrawal(request.id, admin, "Address belongs to a sanctioned exchange");
    expect(rejected).toMatchObject({ status: "rejected", note: "Address belongs to a sanctioned exchange", decidedById: admin.userId });
    expect(await balance(store.id)).toEqual({ amount: 10_000_000n, held: 0n });
    expect((await history(store.id)).at(-1)).toEqual({ delta: 4_000_000n, heldDelta: -4_000_000n, reason: "withdrawal_release" });
    const [, audit] = await audits(request.id);
    expect(audit).toMatchObject({ action: "withdrawal.rejected", userId: admin.userId, oldValues: { status: "pending" }, newValues: { status: "rejected" } });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("only an active admin decides; the merchant cannot approve their own request", async () => {
    const { store, actor } = await fundedStore(10_000_000n);
    const request = await requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 1_000_000n, address: TRON }, actor);
    const inactiveAdmin: Actor = { type: "user", userId: (await createAdmin(prisma, { isActive: false })).user.id };
    for (const who of [actor, inactiveAdmin, { type: "system" } as Actor]) {
      await expect(approveWithdrawal(request.id, who)).rejects.toMatchObject({ kind: "permission", code: "admin_only" });
    }
    await expect(approveWithdrawal(987_654, admin)).rejects.toMatchObject({ kind: "not_found" });
    expect((await prisma.withdrawalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");
  });

  it("of a concurrent approve and reject (and a second approve) exactly one wins; the ledger stays clean", async () => {
    for (let round = 0; round < 5; round++) {
      const { store, actor } = await fundedStore(10_000_000n);
      const request = await requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 7_000_000n, address: TRON }, actor);
      const results = await Promise.allSettled([approveWithdrawal(request.id, admin), rejectWithdrawal(request.id, admin, "no"), approveWithdrawal(request.id, admin)]);
      const winners = results.filter((r) => r.status === "fulfilled");
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.status === "rejected")) {
        expect((loser as PromiseRejectedResult).reason).toMatchObject({ code: "withdrawal_already_decided" });
      }
      const status = (await prisma.withdrawalRequest.findUniqueOrThrow({ where: { id: request.id } })).status;
      expect(await balance(store.id)).toEqual(status === "approved" ? { amount: 3_000_000n, held: 0n } : { amount: 10_000_000n, held: 0n });
      expect((await history(store.id)).filter((h) => h.reason !== "adjustment")).toHaveLength(2);
    }
    expect(await checkLedger(prisma)).toEqual([]);
  });
});
