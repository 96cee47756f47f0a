// What the trader specs need from the run's database (the app's own embedded PostgreSQL):
// reading results back, and a requisite only these specs route to, so their pay-ins land on the
// demo trader whatever other specs do with the seeded requisites.
import { randomInt } from "node:crypto";
import type pg from "pg";
import { luhnCheckDigit } from "../../lib/ids/luhn";
import { cabinet } from "../helpers/cabinets";

/** A 16-digit card number (2200…, Mir) that passes the Luhn check, random per call. */
export function luhnCardNumber(): string {
  const body = `2200${String(randomInt(0, 10 ** 11)).padStart(11, "0")}`;
  return body + luhnCheckDigit(body);
}

export async function demoTraderId(db: pg.Client): Promise<number> {
  const { rows } = await db.query(`SELECT t.id FROM trader t JOIN users u ON u.id = t.user_id WHERE u.email = $1`, [cabinet("trader").email]);
  return rows[0].id;
}

/**
 * An active card of the demo trader that alone accepts pay-ins of [min, max] kopecks: every
 * seeded requisite stops at 100 000 RUB, so an amount in a range above that can only be routed
 * here. Returns its id and number; switch it off when done.
 */
export async function addRoutingRequisite(db: pg.Client, range: { min: bigint; max: bigint }) {
  const number = luhnCardNumber();
  const { rows } = await db.query(
    `WITH r AS (
       INSERT INTO req_trader (trader_id, type, payment_method_id, bank_id, details, status, updated_at)
       SELECT $1, 'card', (SELECT id FROM payment_methods WHERE code = 'card'), (SELECT id FROM banks WHERE code = 'sber'),
              jsonb_build_object('number', $2::text, 'holder', 'E2E ROUTE'), 'active', now()
       RETURNING id
     )
     INSERT INTO full_requisites_settings (req_id, currency_id, min_amount, max_amount, daily_limit)
     SELECT r.id, (SELECT id FROM currencies WHERE code = 'RUB'), $3, $4, $5 FROM r RETURNING req_id AS id`,
    [await demoTraderId(db), number, range.min.toString(), range.max.toString(), (range.max * 1000n).toString()],
  );
  return { id: rows[0].id as number, number };
}

export async function switchOffRequisite(db: pg.Client, id: number) {
  await db.query(`UPDATE req_trader SET status = 'inactive', updated_at = now() WHERE id = $1`, [id]);
}
