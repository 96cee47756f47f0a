import "server-only";
import { prisma } from "@/lib/db/client";

export interface StoreOrderRow {
  id: string;
  type: "payin" | "payout";
  storeName: string;
  merchantOrderId: string;
  amount: bigint;
  currencyCode: string;
  exponent: number;
  status: string;
  createdAt: Date;
}

/** The newest orders across the stores this merchant user owns (only theirs). */
export async function listLatestStoreOrders(merchantUserId: number, limit = 10): Promise<StoreOrderRow[]> {
  const orders = await prisma.incomingOrder.findMany({
    where: { store: { userId: merchantUserId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: {
      id: true,
      type: true,
      merchantOrderId: true,
      amount: true,
      status: true,
      createdAt: true,
      store: { select: { name: true } },
      currency: { select: { code: true, exponent: true } },
    },
  });
  return orders.map((o) => ({
    id: o.id,
    type: o.type,
    storeName: o.store.name,
    merchantOrderId: o.merchantOrderId,
    amount: o.amount,
    currencyCode: o.currency.code,
    exponent: o.currency.exponent,
    status: o.status,
    createdAt: o.createdAt,
  }));
}
