import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { accept, failWith, startFakeResend, useFakeResend } from "@/lib/testing/fake-resend";
import { enqueueEmail } from "./enqueue-email";
import { MAX_EMAIL_ATTEMPTS, sendEmail, sendQueuedEmails } from "./send-queued-emails";
import { DEFAULT_EMAIL_FROM } from "./transport";

const resend = useFakeResend();
const MINUTE = 60_000;

function queueReset(to = "someone@test.jivapay.dev") {
  return enqueueEmail(prisma, { to, template: "password_reset", data: { name: "Ann <b>", url: "http://localhost:3000/reset-password?token=abc", expiresInMinutes: 60 } });
}

const row = (id: bigint) => prisma.emailOutbox.findUniqueOrThrow({ where: { id } });

beforeEach(() => {
  delete process.env.EMAIL_FROM;
});

describe("enqueueEmail", () => {
  it("renders the template into a queued row, escaping data in the HTML", async () => {
    const id = (await queueReset("Someone@Test.jivapay.dev "))!;
    const email = await row(id);
    expect(email).toMatchObject({ to: "Someone@Test.jivapay.dev", template: "password_reset", status: "queued", attempts: 0, subject: "Reset your JivaPay password" });
    expect(email.html).toContain("Hello Ann &lt;b&gt;,");
    expect(email.html).toContain('href="http://localhost:3000/reset-password?token=abc"');
    expect(email.text).toContain("Choose a new password: http://localhost:3000/reset-password?token=abc");
  });

  it("writes an email with a dedupe key once", async () => {
    const data = { name: null, day: "2026-11-21", rows: [], cabinetUrl: "http://localhost:3000/merchant" };
    const first = await enqueueEmail(prisma, { to: "m@test.jivapay.dev", template: "daily_summary", data, dedupeKey: "k-1" });
    const second = await enqueueEmail(prisma, { to: "m@test.jivapay.dev", template: "daily_summary", data, dedupeKey: "k-1" });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await prisma.emailOutbox.count()).toBe(1);
  });

  it("refuses an address that is not one", async () => {
    await expect(queueReset("not-an-address")).rejects.toThrow();
  });
});

describe("sendQueuedEmails through Resend", () => {
  it("sends each queued email once and records the provider id", async () => {
    process.env.EMAIL_FROM = "JivaPay Test <test@jivapay.dev>";
    const id = (await queueReset())!;
    expect(await sendQueuedEmails()).toEqual({ sent: 1, stored: 0, retry: 0, failed: 0 });
    expect(await sendQueuedEmails()).toEqual({ sent: 0, stored: 0, retry: 0, failed: 0 });

    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.headers["idempotency-key"]).toBe(`email-outbox-${id}`);
    const email = await row(id);
    expect(request.body).toMatchObject({ from: "JivaPay Test <test@jivapay.dev>", to: email.to, subject: email.subject, html: email.html, text: email.text });
    expect(email).toMatchObject({ status: "sent", providerId: "re_fake_1", attempts: 1, lockedUntil: null, lastError: null });
    expect(email.sentAt).not.toBeNull();
  });

  it("uses the default sender without EMAIL_FROM", async () => {
    await queueReset();
    await sendQueuedEmails();
    expect(resend.requests[0].body.from).toBe(DEFAULT_EMAIL_FROM);
  });

  it("retries after a 5xx with backoff, and sends once it is due again", async () => {
    resend.respond = (request, n) => (n === 1 ? failWith(500, "internal_server_error")(request, n) : accept(request, n));
    const id = (await queueReset())!;
    const t0 = new Date();
    expect(await sendQueuedEmails({ now: t0 })).toMatchObject({ retry: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, lockedUntil: null });
    expect(waiting.lastError).toContain("HTTP 500");
    expect(waiting.nextAttemptAt.getTime()).toBe(t0.getTime() + MINUTE);

    expect(await sendQueuedEmails({ now: new Date(t0.getTime() + 30_000) })).toMatchObject({ sent: 0, retry: 0 });
    expect(await sendQueuedEmails({ now: new Date(t0.getTime() + MINUTE) })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null, providerId: "re_fake_2" });
  });

  it(`gives up after ${MAX_EMAIL_ATTEMPTS} failed attempts`, async () => {
    resend.respond = failWith(503);
    const id = (await queueReset())!;
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      const summary = await sendQueuedEmails({ now });
      expect(summary).toMatchObject(attempt < MAX_EMAIL_ATTEMPTS ? { retry: 1 } : { failed: 1 });
      now = new Date((await row(id)).nextAttemptAt.getTime() + 1);
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_EMAIL_ATTEMPTS });
    expect(await sendQueuedEmails({ now: new Date(now.getTime() + 24 * 60 * MINUTE) })).toMatchObject({ sent: 0, failed: 0 });
    expect(resend.requests).toHaveLength(MAX_EMAIL_ATTEMPTS);
  });

  it("fails at once when Resend refuses the email itself (4xx)", async () => {
    resend.respond = failWith(422, "validation_error");
    const id = (await queueReset())!;
    expect(await sendQueuedEmails()).toMatchObject({ failed: 1 });
    const email = await row(id);
    expect(email).toMatchObject({ status: "failed", attempts: 1 });
    expect(email.lastError).toContain("validation_error (HTTP 422)");
  });

  it("retries when Resend cannot be reached", async () => {
    const closed = await startFakeResend();
    await closed.close();
    process.env.RESEND_BASE_URL = closed.url;
    try {
      const id = (await queueReset())!;
      expect(await sendQueuedEmails()).toMatchObject({ retry: 1 });
      expect((await row(id)).status).toBe("queued");
    } finally {
      process.env.RESEND_BASE_URL = resend.url;
    }
  });

  it("never hands one email to two concurrent senders", async () => {
    resend.respond = (request, n) => ({ ...accept(request, n), delayMs: 5 });
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => queueReset(`user${i}@test.jivapay.dev`)));
    const summaries = await Promise.all([sendQueuedEmails(), sendQueuedEmails(), sendQueuedEmails()]);

    expect(summaries.reduce((total, s) => total + s.sent, 0)).toBe(24);
    expect(summaries.filter((s) => s.sent > 0).length).toBeGreaterThan(1);
    const keys = resend.requests.map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(24);
    expect(keys.sort()).toEqual(ids.map((id) => `email-outbox-${id}`).sort());
    expect(await prisma.emailOutbox.count({ where: { status: "sent", attempts: 1 } })).toBe(24);
  });

  it("sendEmail sends one email by id and skips it afterwards", async () => {
    const other = (await queueReset("other@test.jivapay.dev"))!;
    const id = (await queueReset())!;
    expect(await sendEmail(id)).toBe("sent");
    expect(await sendEmail(id)).toBe("skipped");
    expect((await row(other)).status).toBe("queued");
  });
});

describe("without RESEND_API_KEY", () => {
  it("stores emails for admins to read and sends nothing", async () => {
    delete process.env.RESEND_API_KEY;
    const first = (await queueReset())!;
    const second = (await queueReset("second@test.jivapay.dev"))!;
    expect(await sendEmail(first)).toBe("stored");
    expect(await sendQueuedEmails()).toEqual({ sent: 0, stored: 1, retry: 0, failed: 0 });
    expect(await row(first)).toMatchObject({ status: "stored", attempts: 0, sentAt: null });
    expect(await row(second)).toMatchObject({ status: "stored", attempts: 0 });
    expect(resend.requests).toHaveLength(0);
  });
});
