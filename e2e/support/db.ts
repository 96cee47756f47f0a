// Users of the support and teamlead specs' own. The cabinet language is remembered on the
// user's profile, so a spec that switches to Russian must not do it as a shared demo user
// (parallel specs expect English).
import type pg from "pg";
import { createUserLike } from "../helpers/db";

const PERMISSIONS = {
  support: { "orders.read": true, "disputes.resolve": true, "receipts.read": true },
  teamlead: { "team.read": true, "team.traffic": true },
};

/**
 * A support or teamlead user of the spec's own, signing in with the demo password, with its
 * profile row and the permissions the role needs. Returns the user id and the profile id.
 */
export async function createCabinetUser(db: pg.Client, role: "support" | "teamlead", name: string) {
  const { email, userId } = await createUserLike(db, role, name);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO ${role === "support" ? "supports" : "teamleads"} (user_id, username, granted_permissions) VALUES ($1, $2, $3::jsonb) RETURNING id`,
    [userId, email.split("@")[0].slice(0, 64), JSON.stringify(PERMISSIONS[role])],
  );
  return { email, userId, profileId: rows[0].id };
}
