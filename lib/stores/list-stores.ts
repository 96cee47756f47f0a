import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { clampLimit, idCursor, toPage, type Page } from "@/lib/pagination/keyset";

export interface AdminStoreRow {
  id: number;
  name: string;
  ownerEmail: string;
  isActive: boolean;
  /** A sandbox store: test money, the simulated trader only (lib/sandbox). */
  isSandbox: boolean;
  /** Fractions as decimal strings ("0.03"). */
  payinCommission: string;
  payoutCommission: string;
  limits: Prisma.JsonValue;
  balances: { currencyCode: string; exponent: number; available: bigint; held: bigint }[];
  createdAt: Date;
}

/** Every store by id (keyset), with its owner, commissions, limits and balances — for an active admin. */
export async function listStores(adminUserId: number, options: { after?: string; limit?: number } = {}): Promise<Page<AdminStoreRow>> {
  await assertAdmin(prisma, { userId: adminUserId });
  const limit = clampLimit(options.limit);
  const after = idCursor(options.after);
  const stores = await prisma.merchantStore.findMany({
    where: after !== undefined ? { id: { gt: after } } : {},
    orderBy: { id: "asc" },
    take: limit + 1,
    select: {
      id: true,
      name: true,
      isActive: true,
      isSandbox: true,
      payinCommission: true,
      payoutCommission: true,
      limits: true,
      createdAt: true,
      user: { select: { email: true } },
      balances: { select: { amount: true, held: true, currency: { select: { code: true, exponent: true } } }, orderBy: { currencyId: "asc" } },
    },
  });
  const rows = stores.map((s): AdminStoreRow => ({
    id: s.id,
    name: s.name,
    ownerEmail: s.user.email,
    isActive: s.isActive,
    isSandbox: s.isSandbox,
    payinCommission: s.payinCommission.toString(),
    payoutCommission: s.payoutCommission.toString(),
    limits: s.limits,
    balances: s.balances.map((b) => ({ currencyCode: b.currency.code, exponent: b.currency.exponent, available: b.amount, held: b.held })),
    createdAt: s.createdAt,
  }));
  return toPage(rows, limit, (row) => String(row.id));
}

export interface MerchantOption {
  id: number;
  email: string;
  name: string | null;
}

/** Merchants (invited ones too), to open a store for: merchants are few; a store needs an owner. */
export async function listMerchantOptions(adminUserId: number): Promise<MerchantOption[]> {
  await assertAdmin(prisma, { userId: adminUserId });
  return prisma.user.findMany({
    where: { role: { name: "merchant" } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true },
  });
}
