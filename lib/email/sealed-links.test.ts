// Reset and invitation links never sit readable in the outbox: the token is sealed in its own
// column, the bodies say [redacted], and only the sender puts the live link back.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createAdmin, createUser, ensureDefaultSettings } from "@/lib/testing";
import { useFakeResend } from "@/lib/testing/fake-resend";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { inviteUser } from "@/lib/auth/invite-user";
import { peekToken } from "@/lib/auth/tokens";
import { enqueueEmail } from "./enqueue-email";
import { getDevelopmentLiveText, getOutboxEmail, listOutboxEmails } from "./list-outbox";
import { liveBody, REDACTED, sealSecret, unsealSecret } from "./sealed-secret";
import { sendEmail, sendQueuedEmails } from "./send-queued-emails";

const resend = useFakeResend();
let adminId: number;
let ip = 0;

beforeAll(async () => {
  await ensureDefaultSettings(prisma);
  adminId = (await createAdmin(prisma, { grantedPermissions: { "users.manage_admins": true } })).user.id;
  process.env.APP_URL = "https://pay.example.com";
});

/** Every string anywhere in what the admin pages read about the outbox. */
async function outboxAsAdminsSeeIt(): Promise<string> {
  const list = await listOutboxEmails(adminId);
  const details = await Promise.all(list.map((email) => getOutboxEmail(adminId, email.id)));
  return JSON.stringify([list, details], (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

const sentBody = (n = 0) => resend.requests[n].body as { to: string; subject: string; html: string; text: string };

describe("reset and invitation links in the outbox", () => {
  it("stores a reset link redacted and sealed; the provider gets the live link, and it works", async () => {
    const user = await createUser(prisma, { name: "Rita" });
    await requestPasswordReset({ email: user.email, ip: `198.51.100.${++ip}` });

    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    expect(row.text).toContain(`https://pay.example.com/reset-password?token=${REDACTED}`);
    expect(row.html).toContain(`https://pay.example.com/reset-password?token=${REDACTED}`);
    expect(row.sealedSecret).toMatch(/^v1:/);
    const token = unsealSecret(row.sealedSecret!, row.to);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const field of [row.text, row.html, row.subject, row.sealedSecret!]) expect(field).not.toContain(token);
    expect(await outboxAsAdminsSeeIt()).not.toContain(token);
    expect(await outboxAsAdminsSeeIt()).toContain(REDACTED);

    expect(await sendQueuedEmails()).toMatchObject({ sent: 1 });
    const sent = sentBody();
    const link = /https:\/\/pay\.example\.com\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(sent.text)?.[1];
    expect(link).toBe(token);
    expect(sent.html).toContain(`href="https://pay.example.com/reset-password?token=${token}"`);
    expect(sent.text + sent.html).not.toContain(REDACTED);
    expect(await peekToken(link!, "reset")).toMatchObject({ id: user.id });

    // Sent: the sealed token is gone too, and the outbox still shows no live link.
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", sealedSecret: null });
    expect(await outboxAsAdminsSeeIt()).not.toContain(token);
  });

  it("does the same for invitations", async () => {
    const { emailId, userId } = await inviteUser({ email: `invitee-${++ip}@test.jivapay.dev`, role: "support", invitedBy: adminId });
    const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: emailId } });
    expect(row.text).toContain(`/invite?token=${REDACTED}`);
    const token = unsealSecret(row.sealedSecret!, row.to);
    expect(await outboxAsAdminsSeeIt()).not.toContain(token);

    expect(await sendEmail(emailId)).toBe("sent");
    expect(sentBody().text).toContain(`https://pay.example.com/invite?token=${token}`);
    expect(await peekToken(token, "invite")).toMatchObject({ id: userId });
  });

  it("a crash after enqueue leaves the email sendable: a later sender (a retry) still delivers the live link", async () => {
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: `198.51.100.${++ip}` });
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    const token = unsealSecret(row.sealedSecret!, row.to);

    resend.respond = () => ({ status: 503, body: { statusCode: 503, name: "internal_server_error", message: "down" } });
    expect(await sendEmail(row.id)).toBe("retry");
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).sealedSecret).toBe(row.sealedSecret);

    resend.respond = () => ({ status: 200, body: { id: "re_after_retry" } });
    expect(await sendQueuedEmails({ now: new Date(Date.now() + 2 * 60_000) })).toMatchObject({ sent: 1 });
    expect(sentBody(1).text).toContain(`/reset-password?token=${token}`);
  });

  it("gives up an email whose token cannot be unsealed (NEXTAUTH_SECRET rotated), without sending [redacted]", async () => {
    const id = (await enqueueEmail(prisma, {
      to: "rotated@test.jivapay.dev",
      template: "password_reset",
      data: { name: null, url: "https://pay.example.com/reset-password?token=" + "t".repeat(43), expiresInMinutes: 60 },
      secret: "t".repeat(43),
    }))!;
    await prisma.emailOutbox.update({ where: { id }, data: { sealedSecret: sealSecret("t".repeat(43), "rotated@test.jivapay.dev", "an older secret") } });
    expect(await sendEmail(id)).toBe("failed");
    expect(resend.requests).toHaveLength(0);
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", sealedSecret: null, lastError: expect.stringContaining("unsealed") });
  });

  it("without a mail provider keeps the email stored and redacted; outside `next dev` no page reveals the link", async () => {
    delete process.env.RESEND_API_KEY;
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: `198.51.100.${++ip}` });
    expect(await sendQueuedEmails()).toMatchObject({ stored: 1 });
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    expect(row.status).toBe("stored");
    const token = unsealSecret(row.sealedSecret!, row.to);
    expect(await outboxAsAdminsSeeIt()).not.toContain(token);
    expect(await getDevelopmentLiveText(adminId, row.id)).toBeNull();
    expect(liveBody(row.text, row)).toContain(`/reset-password?token=${token}`);
  });
});

describe("sealSecret", () => {
  it("opens only for the same recipient and key", () => {
    const sealed = sealSecret("a-credential-of-some-length", "a@test.jivapay.dev");
    expect(sealSecret("a-credential-of-some-length", "a@test.jivapay.dev")).not.toBe(sealed);
    expect(unsealSecret(sealed, "a@test.jivapay.dev")).toBe("a-credential-of-some-length");
    expect(() => unsealSecret(sealed, "b@test.jivapay.dev")).toThrow();
    expect(() => unsealSecret(sealed, "a@test.jivapay.dev", "another secret")).toThrow();
    // One ciphertext bit flipped (editing base64 text could leave the bytes as they were).
    const [version, payload] = sealed.split(":");
    const altered = Buffer.from(payload, "base64url");
    altered[altered.length - 1] ^= 1;
    expect(() => unsealSecret(`${version}:${altered.toString("base64url")}`, "a@test.jivapay.dev")).toThrow();
  });
});
