import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createSupport, createTeamlead, createTrader, createUser } from "@/lib/testing";
import { setUserActive } from "./set-user-active";
import { updateUserProfile } from "./update-user-profile";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { setupAdminCabinet, type AdminActor } from "@/lib/testing/fixtures";

let admin: AdminActor;

beforeAll(async () => {
  ({ admin } = await setupAdminCabinet());
});

describe("setUserActive", () => {
  it("deactivates and reactivates a user, each audited with the old and new flag", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    expect(await setUserActive({ userId: merchant.id, isActive: false }, admin)).toEqual({ changed: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: merchant.id } })).isActive).toBe(false);
    expect(await setUserActive({ userId: merchant.id, isActive: false }, admin)).toEqual({ changed: false });
    await setUserActive({ userId: merchant.id, isActive: true }, admin);
    const rows = await auditRows("user", merchant.id);
    expect(rows.map((r) => [r.action, r.oldValues, r.newValues, r.userId])).toEqual([
      ["user_deactivated", { isActive: true }, { isActive: false }, admin.userId],
      ["user_activated", { isActive: false }, { isActive: true }, admin.userId],
    ]);
  });

  it("refuses to let an admin deactivate themself, and refuses non-admins", async () => {
    await expectDomainError(setUserActive({ userId: admin.userId, isActive: false }, admin), "cannot_deactivate_self");
    const support = await createSupport(prisma);
    const other = await createUser(prisma);
    await expectDomainError(setUserActive({ userId: other.id, isActive: false }, { type: "user", userId: support.user.id }), "admin_only");
    await expectDomainError(setUserActive({ userId: 999_999, isActive: false }, admin), "user_not_found");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).isActive).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).isActive).toBe(true);
    expect(await auditRows("user", admin.userId)).toHaveLength(0);
  });
});

describe("updateUserProfile", () => {
  it("changes granted_permissions, username and description of a support user, one audit row with only what changed", async () => {
    // Older data ("orders.read") is replaced by the overrides of the catalog's defaults.
    const support = await createSupport(prisma, { grantedPermissions: { "orders.read": true } });
    await updateUserProfile(
      {
        userId: support.user.id,
        grantedPermissions: { "disputes.resolve": false, "receipts.read": true, "payment_details.read": true },
        username: "nina.s",
        roleDescription: "Second line",
        name: support.user.name!,
      },
      admin,
    );
    expect(await prisma.support.findUniqueOrThrow({ where: { userId: support.user.id } })).toMatchObject({
      username: "nina.s",
      roleDescription: "Second line",
      grantedPermissions: { "disputes.resolve": false, "payment_details.read": true },
    });
    const [audit] = await auditRows("user", support.user.id);
    expect(audit).toMatchObject({
      action: "user_updated",
      oldValues: { grantedPermissions: { "orders.read": true }, username: support.profile.username, roleDescription: "First-line support" },
      newValues: { grantedPermissions: { "disputes.resolve": false, "payment_details.read": true }, username: "nina.s", roleDescription: "Second line" },
    });
    expect(Object.keys(audit.newValues as object)).not.toContain("name");
  });

  it("refuses invalid granted_permissions, and permissions outside the role's catalog, and changes nothing", async () => {
    const teamlead = await createTeamlead(prisma);
    const before = await prisma.teamlead.findUniqueOrThrow({ where: { userId: teamlead.user.id } });
    for (const grantedPermissions of [["team.traffic"], { "team.traffic": "yes" }, { "Team Read": true }, { "team.read": true }, { "disputes.resolve": true }, "all"]) {
      const error = await expectDomainError(updateUserProfile({ userId: teamlead.user.id, grantedPermissions } as never, admin), "invalid_value");
      expect(error.param).toBe("grantedPermissions");
    }
    expect(await prisma.teamlead.findUniqueOrThrow({ where: { userId: teamlead.user.id } })).toEqual(before);
    expect(await auditRows("user", teamlead.user.id)).toHaveLength(0);
  });

  it("refuses profile fields a role does not have, and a taken username", async () => {
    const trader = await createTrader(prisma);
    await expectDomainError(updateUserProfile({ userId: trader.userId, grantedPermissions: { all: true } }, admin), "field_not_for_role");
    const teamlead = await createTeamlead(prisma);
    await expectDomainError(updateUserProfile({ userId: teamlead.user.id, roleDescription: "x" }, admin), "field_not_for_role");
    const other = await createTeamlead(prisma);
    await expectDomainError(updateUserProfile({ userId: teamlead.user.id, username: other.profile.username }, admin), "username_taken");
    // A name is every user's.
    await updateUserProfile({ userId: trader.userId, name: "Renamed Trader" }, admin);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: trader.userId } })).name).toBe("Renamed Trader");
  });
});
