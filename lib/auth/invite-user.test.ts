import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { expectDomainError } from "@/lib/testing/assertions";
import { createAdmin, createUser, ensureDefaultSettings } from "@/lib/testing";
import { acceptInvitation } from "./accept-invitation";
import { authenticate } from "./authenticate";
import { inviteUser } from "./invite-user";
import { peekToken } from "./tokens";
import { liveBody } from "@/lib/email/sealed-secret";

const PASSWORD = "my very own password";
let adminId: number;
let ipSequence = 0;
const freshIp = () => `192.0.2.${++ipSequence}`;

async function invitationToken(to: string): Promise<string> {
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to, template: "invitation" }, orderBy: { id: "desc" } });
  expect(email.text).toContain("/invite?token=[redacted]");
  return /\/invite\?token=([A-Za-z0-9_-]+)/.exec(liveBody(email.text, email))![1];
}

const accept = (token: string, now?: Date) => acceptInvitation({ token, password: PASSWORD, confirmPassword: PASSWORD, now });

beforeAll(async () => {
  await ensureDefaultSettings(prisma);
  adminId = (await createAdmin(prisma, { name: "Ada Admin", grantedPermissions: { "users.manage_admins": true } })).user.id;
});

describe("inviteUser", () => {
  it("creates an inactive user with the role's profile and emails a 72-hour link", async () => {
    const { userId, emailId } = await inviteUser({ email: "New.Support@Test.jivapay.dev", role: "support", name: "Nina", invitedBy: adminId, grantedPermissions: { "orders.read": true } });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { role: true, support: true } });
    expect(user).toMatchObject({ email: "new.support@test.jivapay.dev", name: "Nina", isActive: false, role: { name: "support" } });
    expect(user.support).toMatchObject({ username: "new.support", grantedPermissions: { "orders.read": true } });

    const email = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: emailId } });
    expect(email).toMatchObject({ to: user.email, template: "invitation", status: "queued" });
    expect(email.text).toContain("Ada Admin created a JivaPay support account for you");
    const token = await invitationToken(user.email);
    const row = await prisma.authToken.findFirstOrThrow({ where: { userId, purpose: "invite" } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(72 * 3_600_000);
    expect(await peekToken(token, "invite")).toMatchObject({ id: userId, isActive: false });
    expect(await prisma.auditLog.count({ where: { action: "user_invited", userId: adminId, entityId: String(userId) } })).toBe(1);

    // Nobody can sign in to the account before the invitation is accepted.
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: false });
  });

  it("gives traders their profile with the default reward, and merchants none", async () => {
    const trader = await inviteUser({ email: "trader-invite@test.jivapay.dev", role: "trader", invitedBy: adminId });
    expect(await prisma.trader.findUniqueOrThrow({ where: { userId: trader.userId } })).toMatchObject({ isActive: true });
    expect((await prisma.trader.findUniqueOrThrow({ where: { userId: trader.userId } })).payinReward.toString()).toBe("0.02");
    const merchant = await inviteUser({ email: "merchant-invite@test.jivapay.dev", role: "merchant", invitedBy: adminId });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: merchant.userId }, include: { role: true } })).toMatchObject({ role: { name: "merchant" }, isActive: false });
  });

  it("keeps usernames unique", async () => {
    const a = await inviteUser({ email: "sam@one.test.jivapay.dev", role: "teamlead", invitedBy: adminId });
    const b = await inviteUser({ email: "sam@two.test.jivapay.dev", role: "teamlead", invitedBy: adminId });
    expect((await prisma.teamlead.findUniqueOrThrow({ where: { userId: a.userId } })).username).toBe("sam");
    expect((await prisma.teamlead.findUniqueOrThrow({ where: { userId: b.userId } })).username).toBe(`sam-${b.userId}`);
  });

  it("refuses an email that already has an account, and invitations from non-admins", async () => {
    const existing = await createUser(prisma);
    await expectDomainError(inviteUser({ email: existing.email, role: "merchant", invitedBy: adminId }), "email_taken");
    const merchant = await createUser(prisma, { role: "merchant" });
    await expectDomainError(inviteUser({ email: "x-invite@test.jivapay.dev", role: "admin", invitedBy: merchant.id }), "admin_only");
    expect(await prisma.user.count({ where: { email: "x-invite@test.jivapay.dev" } })).toBe(0);
  });

  it("creates one account when the same address is invited twice at once", async () => {
    const results = await Promise.allSettled([
      inviteUser({ email: "twice@test.jivapay.dev", role: "merchant", invitedBy: adminId }),
      inviteUser({ email: "twice@test.jivapay.dev", role: "merchant", invitedBy: adminId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect(await prisma.emailOutbox.count({ where: { to: "twice@test.jivapay.dev" } })).toBe(1);
  });
});

describe("acceptInvitation", () => {
  it("sets the password and activates the account, once", async () => {
    const { userId } = await inviteUser({ email: "joiner@test.jivapay.dev", role: "admin", invitedBy: adminId });
    const token = await invitationToken("joiner@test.jivapay.dev");

    expect(await accept(token)).toEqual({ userId, email: "joiner@test.jivapay.dev" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ isActive: true });
    expect(await authenticate("joiner@test.jivapay.dev", PASSWORD, freshIp())).toMatchObject({ ok: true, user: { id: userId, role: "admin" } });
    expect(await prisma.auditLog.count({ where: { action: "invitation_accepted", userId } })).toBe(1);
    await expectDomainError(accept(token), "invalid_token");
  });

  it("refuses an invitation after 72 hours", async () => {
    const invitedAt = new Date();
    await inviteUser({ email: "late@test.jivapay.dev", role: "support", invitedBy: adminId, now: invitedAt });
    const token = await invitationToken("late@test.jivapay.dev");
    await expectDomainError(accept(token, new Date(invitedAt.getTime() + 73 * 3_600_000)), "invalid_token");
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "late@test.jivapay.dev" } })).toMatchObject({ isActive: false });
  });

  it("does not reactivate an account that was active before", async () => {
    const { userId } = await inviteUser({ email: "former@test.jivapay.dev", role: "support", invitedBy: adminId });
    const token = await invitationToken("former@test.jivapay.dev");
    // Signed in once (e.g. through a password reset while active), then deactivated by an admin.
    await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date(), isActive: false } });
    await expectDomainError(accept(token), "invalid_token");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ isActive: false });
  });

  it("refuses reset tokens and unknown tokens", async () => {
    await expectDomainError(accept("B".repeat(43)), "invalid_token");
  });
});
