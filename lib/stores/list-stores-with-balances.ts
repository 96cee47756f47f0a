import "server-only";
import { prisma } from "@/lib/db/client";

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
  callbackUrl: string | null;
  /** Fractions as exact decimal strings ("0.03"). */
  payinCommission: string;
  payoutCommission: string;
  balances: StoreBalance[];
}

/** The stores owned by this merchant user, each with its balance per currency. */
export async function listStoresWithBalances(merchantUserId: number): Promise<StoreWithBalances[]> {
  const stores = await prisma.merchantStore.findMany({
    where: { userId: merchantUserId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      isActive: true,
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
