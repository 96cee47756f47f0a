// What the merchant specs need besides the browser and ../helpers: a merchant of their own for
// specs that change per-user state, and the demo store's name.
import crypto from "node:crypto";
import { createUserLike, uniqueId, withDb } from "../helpers/db";

export const DEMO_STORE_NAME = "Demo Store";
/** A valid TRON (TRC-20) address. */
export const TRON_ADDRESS = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8";

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
  const storeName = `Магазин ${uniqueId("e2e")}`;
  return withDb(async (db) => {
    await db.query("BEGIN");
    try {
      const { email, userId } = await createUserLike(db, "merchant", "E2E merchant");
      const { rows: [store] } = await db.query(
        `INSERT INTO merchant_store (user_id, name, callback_url, webhook_secret, updated_at)
         VALUES ($1, $2, NULL, $3, now()) RETURNING id`,
        [userId, storeName, `whsec_${crypto.randomBytes(24).toString("base64")}`],
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
      return { email, userId, storeId: store.id, storeName };
    } catch (error) {
      await db.query("ROLLBACK");
      throw error;
    }
  });
}
