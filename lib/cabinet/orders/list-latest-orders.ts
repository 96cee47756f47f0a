import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors/domain-error";

export interface LatestOrderRow {
  id: string;
  type: "payin" | "payout";
  storeName: string;
  merchantOrderId: string;
  /** Minor units of `currencyCode`. */
  amount: bigint;
  currencyCode: string;
  exponent: number;
  status: OrderStatus;
  createdAt: Date;
}

/** Whose orders: the stores this merchant user owns (only theirs), or every store for an active support user. */
export type LatestOrdersScope = { merchantUserId: number } | { all: true; supportUserId: number };

/**
 * The newest orders in `scope`, newest first. `limit` is clamped to 1…100 for a merchant and
 * 1…200 for support; a support scope whose user is not an active support user gets a permission error.
 */
export async function listLatestOrders(scope: LatestOrdersScope, limit: number): Promise<LatestOrderRow[]> {
  const { where, maxLimit } = await resolveScope(scope);
  const orders = await prisma.incomingOrder.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), maxLimit),
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

async function resolveScope(scope: LatestOrdersScope): Promise<{ where: Prisma.IncomingOrderWhereInput; maxLimit: number }> {
  if ("merchantUserId" in scope) return { where: { store: { userId: scope.merchantUserId } }, maxLimit: 100 };

  const support = await prisma.user.findFirst({
    where: { id: scope.supportUserId, isActive: true, role: { name: "support" } },
    select: { id: true },
  });
  if (!support) throw new DomainError("permission", "support_only", "Only support can read orders across stores.");
  return { where: {}, maxLimit: 200 };
}
