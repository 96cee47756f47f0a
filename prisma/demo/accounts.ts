// The demo logins' staff and merchant users (prisma/demo-logins.ts), with every permission of
// their cabinet.
import type { Tx } from "@/lib/db/client";
import { permissionOverrides, permissionsOf, type StaffRole } from "@/lib/auth/permissions";
import { createAdmin, createSupport, createTeamlead, createUser } from "@/lib/testing";
import { DEMO_LOGINS } from "../demo-logins";
import type { SeedCounts } from "./seed-demo-data";

/**
 * The demo staff may do everything in their cabinet, the permissions that are off by default
 * included (users.manage_admins, payment_details.read, team.deposits), so the demo shows every
 * page and control. Stored like the admin's editor stores them: only the overrides of the
 * role's defaults (lib/auth/permissions.ts).
 */
const everyPermission = (role: StaffRole) => permissionOverrides(role, Object.fromEntries(permissionsOf(role).map(([name]) => [name, true])));
const PERMISSIONS = { admin: everyPermission("admin"), support: everyPermission("support"), teamlead: everyPermission("teamlead") };

/** The admin, support, teamlead and merchant demo users (each created only when missing), and the teamlead's profile. */
export async function seedDemoAccounts(tx: Tx, created: SeedCounts) {
  const password = DEMO_LOGINS.password;
  const findUser = (email: string) => tx.user.findUnique({ where: { email } });
  const ensure = async <T>(email: string, create: () => Promise<T>) => {
    const existing = await findUser(email);
    if (existing) return existing;
    created.users += 1;
    await create();
    return (await findUser(email))!;
  };
  const admin = await ensure("admin@jivapay.dev", () =>
    createAdmin(tx, { email: "admin@jivapay.dev", password, name: "Anna Admin", username: "admin", grantedPermissions: PERMISSIONS.admin }),
  );
  const support = await ensure("support@jivapay.dev", () =>
    createSupport(tx, { email: "support@jivapay.dev", password, name: "Sergey Support", username: "support", grantedPermissions: PERMISSIONS.support }),
  );
  const teamleadUser = await ensure("teamlead@jivapay.dev", () =>
    createTeamlead(tx, { email: "teamlead@jivapay.dev", password, name: "Tanya Teamlead", username: "teamlead", grantedPermissions: PERMISSIONS.teamlead }),
  );
  const merchant = await ensure("merchant@jivapay.dev", async () => {
    const user = await createUser(tx, { role: "merchant", email: "merchant@jivapay.dev", password, name: "Mark Merchant" });
    // The demo merchant gets the daily summary email (kept in the outbox without RESEND_API_KEY).
    await tx.user.update({ where: { id: user.id }, data: { dailySummaryOptIn: true } });
  });
  const teamlead = await tx.teamlead.findUnique({ where: { userId: teamleadUser.id } });
  return { admin, support, merchant, teamlead };
}

export type DemoAccounts = Awaited<ReturnType<typeof seedDemoAccounts>>;
