import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

export interface SupportOrderRow {
  id: string;
  type: "payin" | "payout";
  storeName: string;
  amount: bigint;
  currencyCode: string;
  exponent: number;
  status: string;
  createdAt: Date;
}

/** The newest orders of every store, for an active support user; anyone else gets a permission error. */
export async function listLatestOrders(supportUserId: number, limit = 50): Promise<SupportOrderRow[]> {
  const support = await prisma.user.findFirst({
    where: { id: supportUserId, isActive: true, role: { name: "support" } },
    select: { id: true },
  });
  if (!support) throw new DomainError("permission", "support_only", "Only support can read orders across stores.");

  const orders = await prisma.incomingOrder.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
    select: {
      id: true,
      type: true,
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
    amount: o.amount,
    currencyCode: o.currency.code,
    exponent: o.currency.exponent,
    status: o.status,
    createdAt: o.createdAt,
  }));
}
