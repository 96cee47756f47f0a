// The domain refuses what granted_permissions withhold, whoever calls it, and changes nothing:
// admin accounts only with users.manage_admins, users only with users.manage, traffic only with
// team.traffic. (Disputes without disputes.resolve: lib/disputes/disputes.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUserProfile } from "@/lib/users/update-user-profile";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { createAdmin, createSupport, createTeamlead, createTrader, ensureDefaultSettings } from "@/lib/testing";
import { setTraderTraffic } from "@/lib/traders/set-trader-traffic";
import { inviteUser } from "./invite-user";

const actorOf = (userId: number): Actor & { userId: number } => ({ type: "user", userId });

/** Everything the refused calls could have written about `userId`. */
async function snapshot(userId: number) {
  return {
    user: await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, isActive: true } }),
    admin: await prisma.admin.findUnique({ where: { userId } }),
    support: await prisma.support.findUnique({ where: { userId } }),
    audit: await auditRows("user", userId),
  };
}

beforeAll(async () => {
  await ensureDefaultSettings(prisma);
});

describe("users.manage_admins", () => {
  it("an admin without it cannot edit, switch off or invite admins, themself included; nothing changes", async () => {
    const plain = await createAdmin(prisma);
    const other = await createAdmin(prisma);
    const actor = actorOf(plain.user.id);
    const before = { self: await snapshot(plain.user.id), other: await snapshot(other.user.id) };

    await expectDomainError(updateUserProfile({ userId: other.user.id, grantedPermissions: { "mail.read": false } }, actor), "cannot_manage_admins");
    await expectDomainError(updateUserProfile({ userId: other.user.id, name: "Renamed" }, actor), "cannot_manage_admins");
    // Widening oneself is the point of the rule.
    await expectDomainError(updateUserProfile({ userId: plain.user.id, grantedPermissions: { "users.manage_admins": true } }, actor), "cannot_manage_admins");
    await expectDomainError(setUserActive({ userId: other.user.id, isActive: false }, actor), "cannot_manage_admins");
    const email = `perm-admin-${Date.now()}@test.jivapay.dev`;
    await expectDomainError(inviteUser({ email, role: "admin", invitedBy: plain.user.id }), "cannot_manage_admins");

    expect(await snapshot(plain.user.id)).toEqual(before.self);
    expect(await snapshot(other.user.id)).toEqual(before.other);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("an admin with it narrows another admin; only the overrides are stored, with old and new values audited", async () => {
    const manager = await createAdmin(prisma, { grantedPermissions: { "users.manage_admins": true } });
    const other = await createAdmin(prisma, { grantedPermissions: { all: true } });
    const ticks = { "settings.write": true, "users.manage": true, "users.manage_admins": false, "stores.manage": true, "traders.manage": true, "deposits.adjust": true, "rates.manage": true, "withdrawals.approve": false, "audit.read": true, "mail.read": true };
    expect(await updateUserProfile({ userId: other.user.id, grantedPermissions: ticks }, actorOf(manager.user.id))).toEqual({ changed: true });
    expect((await prisma.admin.findUniqueOrThrow({ where: { userId: other.user.id } })).grantedPermissions).toEqual({ "withdrawals.approve": false });
    const [audit] = await auditRows("user", other.user.id);
    expect(audit).toMatchObject({ action: "user_updated", userId: manager.user.id, oldValues: { grantedPermissions: { all: true } }, newValues: { grantedPermissions: { "withdrawals.approve": false } } });
    // The same ticks again change nothing.
    expect(await updateUserProfile({ userId: other.user.id, grantedPermissions: ticks }, actorOf(manager.user.id))).toEqual({ changed: false });
    await setUserActive({ userId: other.user.id, isActive: false }, actorOf(manager.user.id));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.user.id } })).isActive).toBe(false);
  });
});

describe("users.manage", () => {
  it("an admin without it cannot change or invite anyone; nothing changes", async () => {
    const narrowed = await createAdmin(prisma, { grantedPermissions: { "users.manage": false } });
    const support = await createSupport(prisma);
    const before = await snapshot(support.user.id);
    const actor = actorOf(narrowed.user.id);
    await expectDomainError(updateUserProfile({ userId: support.user.id, grantedPermissions: { "disputes.resolve": false } }, actor), "permission_denied");
    await expectDomainError(setUserActive({ userId: support.user.id, isActive: false }, actor), "permission_denied");
    const email = `perm-support-${Date.now()}@test.jivapay.dev`;
    await expectDomainError(inviteUser({ email, role: "support", invitedBy: narrowed.user.id }), "permission_denied");
    expect(await snapshot(support.user.id)).toEqual(before);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("team.traffic", () => {
  it("a teamlead without it cannot switch their own trader's traffic; nothing changes", async () => {
    const lead = await createTeamlead(prisma, { grantedPermissions: { "team.traffic": false } });
    const member = await createTrader(prisma, { teamLeadId: lead.profile.id });
    await expectDomainError(setTraderTraffic({ traderId: member.id, enabled: false, actor: actorOf(lead.user.id) }), "permission_denied");
    expect((await prisma.trader.findUniqueOrThrow({ where: { id: member.id } })).isTrafficEnabledByTeamlead).toBe(true);
    expect(await auditRows("trader", member.id)).toHaveLength(0);
  });

  it("older keys ({team.read}, {traders.traffic: false}) are ignored: the default grants it", async () => {
    const lead = await createTeamlead(prisma, { grantedPermissions: { "team.read": true, "traders.traffic": false } });
    const member = await createTrader(prisma, { teamLeadId: lead.profile.id });
    expect(await setTraderTraffic({ traderId: member.id, enabled: false, actor: actorOf(lead.user.id) })).toMatchObject({ changed: true });
  });
});
