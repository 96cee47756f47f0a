// The run's database for the support and teamlead specs: reading back what the UI changed, and
// users of their own. The cabinet language is remembered on the user's profile, so a spec that
// switches to Russian must not do it as a shared demo user (parallel specs expect English).
import crypto from "node:crypto";
import pg from "pg";
import { currentRun } from "../helpers/run";

export const MERCHANT_KEY = "jp_test_demo_merchant_key";

export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;

/** The run's embedded PostgreSQL (user, password and database `jivapay`), or E2E_DATABASE_URL. */
function databaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? `postgresql://jivapay:jivapay@127.0.0.1:${currentRun().dbPort}/jivapay`;
}

/** Runs `fn` with a connection that is closed afterwards. */
export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A support or teamlead user of the spec's own, signing in with the demo password (its hash is
 * copied from the demo user of the same role). Returns the user id and the profile id.
 */
export async function createCabinetUser(db: pg.Client, role: "support" | "teamlead", name: string) {
  const email = `${uniqueId(`e2e-${role}`)}@test.jivapay.dev`.toLowerCase();
  const profileTable = role === "support" ? "supports" : "teamleads";
  const permissions = role === "support" ? { "orders.read": true, "disputes.resolve": true, "receipts.read": true } : { "team.read": true, "team.traffic": true };
  const { rows } = await db.query<{ user_id: number; profile_id: number }>(
    `WITH u AS (
       INSERT INTO users (email, password_hash, role_id, name, updated_at)
       SELECT $1, password_hash, role_id, $2, now() FROM users WHERE email = $3
       RETURNING id
     )
     INSERT INTO ${profileTable} (user_id, username, granted_permissions)
     SELECT id, $4, $5::jsonb FROM u
     RETURNING user_id, id AS profile_id`,
    [email, name, `${role}@jivapay.dev`, email.split("@")[0].slice(0, 64), JSON.stringify(permissions)],
  );
  return { email, userId: rows[0].user_id, profileId: rows[0].profile_id };
}
