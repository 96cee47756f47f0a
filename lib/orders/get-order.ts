import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { OrderType } from "@/lib/generated/prisma/enums";

export const ORDER_API_INCLUDE = { currency: true, requisite: { include: { bank: true } } } as const;

/** An order of `storeId` (another store's order is "not found", never "forbidden"). */
export async function getStoreOrder(storeId: number, id: string, type?: OrderType) {
  const order = await prisma.incomingOrder.findUnique({ where: { id }, include: ORDER_API_INCLUDE });
  if (!order || order.storeId !== storeId || (type && order.type !== type)) {
    throw new DomainError("order_not_found", `No ${type ?? "order"} ${id}.`, { param: "id" });
  }
  return order;
}
