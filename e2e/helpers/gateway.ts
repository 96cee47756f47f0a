// Orders of the seeded demo store, made through the gateway API with its key: the specs of every
// role start from a pay-in a merchant's backend created, exactly as in production.
import crypto from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_MERCHANT_KEY, uniqueId } from "./db";

/** The demo store's Authorization header for the gateway API. */
export const DEMO_MERCHANT_AUTH = { authorization: `Bearer ${DEMO_MERCHANT_KEY}` };

export interface CreatedPayin {
  id: string;
  status: string;
  merchant_order_id: string;
  customer_id: string;
  amount: number;
}

/**
 * A pay-in of the demo store (201 asserted). Without an `amount`: an odd one between 1 000 and
 * 2 000 RUB, unlikely to collide with another open order. Ids default to unique ones.
 */
export async function createPayin(request: APIRequestContext, input: { amount?: number; merchantOrderId?: string; customerId?: string } = {}): Promise<CreatedPayin> {
  const response = await request.post("/api/v1/payin", {
    headers: DEMO_MERCHANT_AUTH,
    data: {
      amount: input.amount ?? 100_000 + crypto.randomInt(0, 100_000),
      currency: "RUB",
      customer_id: input.customerId ?? uniqueId("e2e-cust"),
      merchant_order_id: input.merchantOrderId ?? uniqueId("e2e-order"),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Cancels a pay-in of the demo store (the merchant's customer gave up); 200 asserted. */
export async function cancelPayin(request: APIRequestContext, id: string): Promise<CreatedPayin> {
  const response = await request.post(`/api/v1/payin/${id}/cancel`, { headers: DEMO_MERCHANT_AUTH, data: {} });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}
