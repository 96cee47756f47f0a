import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readSettings } from "@/lib/settings/read-settings";
import type { Role } from "./roles";

/** A username from the email's local part; the user id is appended when that one is taken. */
async function uniqueUsername(taken: (username: string) => Promise<boolean>, email: string, userId: number): Promise<string> {
  const base = email.split("@")[0].replace(/[^a-z0-9_.-]/g, "_").slice(0, 50) || "user";
  return (await taken(base)) ? `${base}-${userId}` : base;
}

/**
 * The profile row a role needs next to its user (admins, support and teamleads carry a
 * username and granted permissions; traders their reward and traffic settings; merchants none,
 * their stores come later), as the seed creates them.
 */
export async function createRoleProfile(
  tx: Tx,
  input: { role: Role; userId: number; email: string; grantedPermissions: Prisma.InputJsonValue },
): Promise<void> {
  const { userId, email, grantedPermissions } = input;
  switch (input.role) {
    case "admin": {
      const username = await uniqueUsername(async (u) => (await tx.admin.count({ where: { username: u } })) > 0, email, userId);
      await tx.admin.create({ data: { userId, username, grantedPermissions } });
      return;
    }
    case "support": {
      const username = await uniqueUsername(async (u) => (await tx.support.count({ where: { username: u } })) > 0, email, userId);
      await tx.support.create({ data: { userId, username, grantedPermissions } });
      return;
    }
    case "teamlead": {
      const username = await uniqueUsername(async (u) => (await tx.teamlead.count({ where: { username: u } })) > 0, email, userId);
      await tx.teamlead.create({ data: { userId, username, grantedPermissions } });
      return;
    }
    case "trader": {
      const settings = await readSettings();
      await tx.trader.create({ data: { userId, payinReward: settings["commission.default_trader_payin_reward"] } });
      return;
    }
    case "merchant":
      return;
  }
}
