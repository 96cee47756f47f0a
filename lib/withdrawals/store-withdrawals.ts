import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import type { WithdrawalRequest } from "@/lib/generated/prisma/client";
import { requestWithdrawal, type WithdrawalInput } from "@/lib/withdrawals/request-withdrawal";
import { assertOwnedStore } from "@/lib/stores/owned-stores";

export const WITHDRAWALS_PAGE_SIZE = 50;

/** A withdrawal from one of this merchant's stores; another merchant's store is "not found" and nothing is held. */
export async function requestStoreWithdrawal(merchantUserId: number, input: WithdrawalInput, actor: Actor): Promise<WithdrawalRequest> {
  await assertOwnedStore(merchantUserId, input.storeId);
  return requestWithdrawal(input, actor);
}

/**
 * The merchant's withdrawal requests across their stores, newest first, a page at a time:
 * `beforeId` continues after the last row of the previous page (ids grow with creation).
 */
export async function listMerchantWithdrawals(merchantUserId: number, options: { beforeId?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? WITHDRAWALS_PAGE_SIZE;
  const rows = await prisma.withdrawalRequest.findMany({
    where: { store: { userId: merchantUserId }, ...(options.beforeId ? { id: { lt: options.beforeId } } : {}) },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      amount: true,
      address: true,
      status: true,
      note: true,
      createdAt: true,
      decidedAt: true,
      store: { select: { name: true } },
      currency: { select: { code: true, exponent: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  return { rows: page, nextBeforeId: rows.length > pageSize ? page[page.length - 1].id : null };
}

export type MerchantWithdrawal = Awaited<ReturnType<typeof listMerchantWithdrawals>>["rows"][number];
