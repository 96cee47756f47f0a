import "server-only";
import { prisma } from "@/lib/db/client";
import type { OrderType } from "@/lib/generated/prisma/enums";

/** The order a fraud or limit rule refused, as risk_events records it. */
export interface RiskSubject {
  storeId: number;
  type: OrderType;
  amount: bigint;
  customerId: string;
  merchantOrderId: string;
}

/**
 * Records a refusal in risk_events through the shared client, never inside an order's
 * transaction: the refused order rolls back, its risk event must not.
 */
export async function recordRiskEvent(subject: RiskSubject, code: string, details: object): Promise<void> {
  await prisma.riskEvent.create({
    data: {
      storeId: subject.storeId,
      customerId: subject.customerId,
      merchantOrderId: subject.merchantOrderId,
      code,
      details: { ...details, type: subject.type, amount: subject.amount.toString() },
    },
  });
}
