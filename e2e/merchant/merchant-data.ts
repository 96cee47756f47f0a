// What the merchant specs need besides the browser: the run's database (the app's own embedded
// PostgreSQL) to check results and restore what they changed, pay-ins created through the
// gateway with the demo key, and a merchant of their own for specs that change per-user state.
import crypto from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { currentRun } from "../helpers/run";

export const DEMO_MERCHANT_KEY = "jp_test_demo_merchant_key";
export const DEMO_STORE_NAME = "Demo Store";
/** A valid TRON (TRC-20) address. */
export const TRON_ADDRESS = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8";

export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;

/** Runs `fn` with a connection to the run's database, closed afterwards. */
export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL ?? `postgresql://jivapay:jivapay@127.0.0.1:${currentRun().dbPort}/jivapay` });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

export interface CreatedPayin {
  id: string;
  status: string;
  merchant_order_id: string;
  customer_id: string;
}

/** A pay-in of the demo store through the gateway API, 1 000–2 000 RUB (odd, so it rarely collides). */
export async function createPayin(request: APIRequestContext, input: { merchantOrderId: string; customerId: string }): Promise<CreatedPayin> {
  const amount = 100_000 + crypto.randomInt(0, 100_000);
  const response = await request.post("/api/v1/payin", {
    headers: { authorization: `Bearer ${DEMO_MERCHANT_KEY}` },
    data: { amount, currency: "RUB", customer_id: input.customerId, merchant_order_id: input.merchantOrderId },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Cancels a pay-in through the gateway API (the merchant's customer gave up). */
export async function cancelPayin(request: APIRequestContext, id: string): Promise<CreatedPayin> {
  const response = await request.post(`/api/v1/payin/${id}/cancel`, { headers: { authorization: `Bearer ${DEMO_MERCHANT_KEY}` } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

export interface OwnMerchant {
  email: string;
  userId: number;
  storeId: number;
  storeName: string;
}

/**
 * A merchant user of the spec's own (same password as the demo users) with one store holding
 * `usdt` micro-USDT, credited the way the ledger keeps every balance: the balance row and its
 * history row together, so `npm run ledger:check` stays clean.
 */
export function createOwnMerchant(usdt: bigint): Promise<OwnMerchant> {
  const email = `${uniqueId("e2e-merchant").toLowerCase()}@test.jivapay.dev`;
  const storeName = `Магазин ${uniqueId("e2e")}`;
  return withDb(async (db) => {
    await db.query("BEGIN");
    try {
      const { rows: [user] } = await db.query(
        `INSERT INTO users (email, password_hash, role_id, name, updated_at)
         SELECT $1, password_hash, role_id, 'E2E merchant', now() FROM users WHERE email = 'merchant@jivapay.dev'
         RETURNING id`,
        [email],
      );
      const { rows: [store] } = await db.query(
        `INSERT INTO merchant_store (user_id, name, callback_url, webhook_secret, updated_at)
         VALUES ($1, $2, NULL, $3, now()) RETURNING id`,
        [user.id, storeName, `whsec_${crypto.randomBytes(24).toString("base64")}`],
      );
      const { rows: [balance] } = await db.query(
        `INSERT INTO balance_store (store_id, currency_id, amount, held, updated_at)
         SELECT $1, id, $2, 0, now() FROM currencies WHERE code = 'USDT' RETURNING id, currency_id`,
        [store.id, usdt.toString()],
      );
      await db.query(
        `INSERT INTO balance_store_history (balance_store_id, store_id, currency_id, delta, held_delta, balance_after, held_after, reason)
         VALUES ($1, $2, $3, $4, 0, $4, 0, 'e2e_credit')`,
        [balance.id, store.id, balance.currency_id, usdt.toString()],
      );
      await db.query("COMMIT");
      return { email, userId: user.id, storeId: store.id, storeName };
    } catch (error) {
      await db.query("ROLLBACK");
      throw error;
    }
  });
}

/**
 * How far the cabinet page's content (its <main>) sticks out sideways: 0 when it fits. Tables
 * scroll inside their own box, so they do not count. (The shared top bar is checked apart.)
 */
export function contentOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    return main ? main.scrollWidth - main.clientWidth : Number.POSITIVE_INFINITY;
  });
}
