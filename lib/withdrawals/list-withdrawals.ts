import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WithdrawalStatus } from "@/lib/generated/prisma/enums";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { beyondTimeCursor, clampLimit, decodeTimeCursor, encodeTimeCursor, toPage, type Page } from "@/lib/pagination/keyset";

export interface AdminWithdrawalRow {
  id: number;
  storeName: string;
  ownerEmail: string;
  /** Minor units of `currencyCode`. */
  amount: bigint;
  currencyCode: string;
  exponent: number;
  address: string;
  status: WithdrawalStatus;
  note: string | null;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

const SELECT = {
  id: true,
  amount: true,
  address: true,
  status: true,
  note: true,
  decidedAt: true,
  createdAt: true,
  store: { select: { name: true, user: { select: { email: true } } } },
  currency: { select: { code: true, exponent: true } },
  decidedBy: { select: { email: true } },
} satisfies Prisma.WithdrawalRequestSelect;

type Selected = Prisma.WithdrawalRequestGetPayload<{ select: typeof SELECT }>;

const toRow = (w: Selected): AdminWithdrawalRow => ({
  id: w.id,
  storeName: w.store.name,
  ownerEmail: w.store.user.email,
  amount: w.amount,
  currencyCode: w.currency.code,
  exponent: w.currency.exponent,
  address: w.address,
  status: w.status,
  note: w.note,
  decidedByEmail: w.decidedBy?.email ?? null,
  decidedAt: w.decidedAt,
  createdAt: w.createdAt,
});

/**
 * Withdrawal requests of one status over the (status, created_at) index: pending ones oldest
 * first (the queue, first come first served), decided ones newest first; keyset by id within
 * that order. For an active admin.
 */
export async function listWithdrawals(
  adminUserId: number,
  status: WithdrawalStatus,
  options: { after?: string; limit?: number } = {},
): Promise<Page<AdminWithdrawalRow>> {
  await assertAdmin(prisma, { userId: adminUserId });
  const limit = clampLimit(options.limit);
  const oldestFirst = status === "pending";
  const cursor = decodeTimeCursor(options.after, "int");
  const keyset: Prisma.WithdrawalRequestWhereInput = cursor ? beyondTimeCursor(cursor, "createdAt", oldestFirst) : {};
  const direction = oldestFirst ? "asc" : "desc";
  const rows = await prisma.withdrawalRequest.findMany({
    where: { status, ...keyset },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: limit + 1,
    select: SELECT,
  });
  return toPage(rows.map(toRow), limit, (row) => encodeTimeCursor({ at: row.createdAt, id: row.id }));
}
