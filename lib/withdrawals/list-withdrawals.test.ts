import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { createUser } from "@/lib/testing";
import { requestWithdrawal } from "@/lib/withdrawals/request-withdrawal";
import { approveWithdrawal } from "@/lib/withdrawals/approve-withdrawal";
import { setupAdminCabinet, storeWithBalance, type AdminActor, type Currencies } from "@/lib/testing/fixtures";
import { listWithdrawals } from "./list-withdrawals";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";
let admin: AdminActor;

beforeAll(async () => {
  let currencies: Currencies;
  ({ admin, currencies } = await setupAdminCabinet());
  const store = await storeWithBalance(currencies, 100_000_000n, { name: "Payout shop" });
  const owner = { type: "user" as const, userId: store.userId };
  for (let i = 1; i <= 5; i++) {
    const request = await requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: BigInt(i) * 1_000_000n, address: ADDRESS }, owner);
    // Distinct times, in request order.
    await prisma.withdrawalRequest.update({ where: { id: request.id }, data: { createdAt: new Date(Date.UTC(2026, 0, i)) } });
  }
  const first = await prisma.withdrawalRequest.findFirstOrThrow({ where: { amount: 1_000_000n } });
  await approveWithdrawal(first.id, admin, "paid from hot wallet");
});

describe("listWithdrawals", () => {
  it("pages the pending queue oldest first, and decided ones newest first", async () => {
    const first = await listWithdrawals(admin.userId, "pending", { limit: 3 });
    expect(first.rows.map((r) => r.amount)).toEqual([2_000_000n, 3_000_000n, 4_000_000n]);
    expect(first.rows[0]).toMatchObject({ storeName: "Payout shop", currencyCode: "USDT", exponent: 6, address: ADDRESS, status: "pending" });
    const second = await listWithdrawals(admin.userId, "pending", { limit: 3, after: first.nextCursor! });
    expect(second).toMatchObject({ rows: [{ amount: 5_000_000n }], nextCursor: null });
    const approved = await listWithdrawals(admin.userId, "approved");
    expect(approved.rows).toEqual([expect.objectContaining({ amount: 1_000_000n, note: "paid from hot wallet", decidedByEmail: expect.stringContaining("@") })]);
  });

  it("refuses anyone but an active admin", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    expect(await listWithdrawals(merchant.id, "pending").catch((e: unknown) => e)).toBeInstanceOf(DomainError);
  });
});
