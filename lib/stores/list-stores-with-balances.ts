import "server-only";
import { prisma } from "@/lib/db/client";
import type { DataWorld } from "@/lib/sandbox/data-world";

export interface StoreBalance {
  currencyCode: string;
  exponent: number;
  /** Minor units. */
  available: bigint;
  held: bigint;
}

export interface StoreWithBalances {
  id: number;
  name: string;
  isActive: boolean;
  /** A sandbox store: test money, its orders go to the simulated trader only. */
  isSandbox: boolean;
  callbackUrl: string | null;
  /** Fractions as exact decimal strings ("0.03"). */
  payinCommission: string;
  payoutCommission: string;
  balances: StoreBalance[];
}

/** The stores owned by this merchant user (of one world when `world` is given), each with its balance per currency. */
export async function listStoresWithBalances(merchantUserId: number, world?: DataWorld): Promise<StoreWithBalances[]> {
  const stores = await prisma.merchantStore.findMany({
    where: { userId: merchantUserId, ...(world ? { isSandbox: world === "sandbox" } : {}) },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      isActive: true,
      isSandbox: true,
      callbackUrl: true,
      payinCommission: true,
      payoutCommission: true,
      balances: {
        orderBy: { currencyId: "asc" },
        select: { amount: true, held: true, currency: { select: { code: true, exponent: true } } },
      },
    },
  });
  return stores.map((store) => ({
    id: store.id,
    name: store.name,
    isActive: store.isActive,
    isSandbox: store.isSandbox,
    callbackUrl: store.callbackUrl,
    payinCommission: store.payinCommission.toString(),
    payoutCommission: store.payoutCommission.toString(),
    balances: store.balances.map((b) => ({
      currencyCode: b.currency.code,
      exponent: b.currency.exponent,
      available: b.amount,
      held: b.held,
    })),
  }));
}
