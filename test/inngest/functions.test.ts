// The Inngest functions run through @inngest/test against this file's own database; Resend and
// the Inngest event API are local HTTP servers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { prisma } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { notifyEmailsQueued } from "@/lib/email/notify-emails-queued";
import { emit } from "@/lib/jobs/emit";
import { inngest } from "@/lib/jobs/inngest-client";
import { functions } from "@/inngest/functions";
import { sendQueuedEmail } from "@/inngest/functions/send-email";
import { sweepFunctions } from "@/inngest/functions/sweeps";
import { orderFunctions } from "@/inngest/functions/orders";
import { useFakeResend } from "@/lib/testing/fake-resend";
import { startFakeInngest, type FakeInngest } from "@/lib/testing/fake-inngest";
import { captureLogs } from "@/lib/testing/capture-logs";

const resend = useFakeResend();

const queue = (to = "reader@test.jivapay.dev") =>
  enqueueEmail(prisma, { to, template: "password_reset", data: { name: null, url: "http://localhost:3000/reset-password?token=t", expiresInMinutes: 60 } }) as Promise<bigint>;
const emailEvent = (id: bigint) => ({ name: "email/queued", data: { id: id.toString() } });


describe("send-email (event email/queued)", () => {
  // A new engine per run: an engine remembers the step results of its earlier runs.
  const run = (id: bigint) => new InngestTestEngine({ function: sendQueuedEmail }).execute({ events: [emailEvent(id)] });

  it("sends the email of the event", async () => {
    const id = await queue();
    const { result } = await run(id);
    expect(result).toBe("sent");
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", providerId: "re_fake_1" });
    expect(resend.requests).toHaveLength(1);
  });

  it("stores the email when no Resend key is configured", async () => {
    delete process.env.RESEND_API_KEY;
    const id = await queue();
    const { result } = await run(id);
    expect(result).toBe("stored");
    expect(resend.requests).toHaveLength(0);
  });

  it("does nothing for an email another run already sent", async () => {
    const id = await queue();
    await run(id);
    const { result } = await run(id);
    expect(result).toBe("skipped");
    expect(resend.requests).toHaveLength(1);
  });

  it("is configured with retries and the email/queued trigger", () => {
    expect(sendQueuedEmail.opts).toMatchObject({ id: "send-email", retries: 4 });
    expect(sendQueuedEmail.opts.triggers).toEqual([expect.objectContaining({ event: "email/queued" })]);
  });
});

describe("sweep crons", () => {
  it("exist for every sweep task and are all served", () => {
    const ids = sweepFunctions.map((fn) => fn.opts.id);
    expect(ids).toEqual([
      "sweep-expire-due-orders",
      "sweep-retry-due-matches",
      "sweep-deliver-due-callbacks",
      "sweep-run-sandbox-simulator",
      "sweep-refresh-daily-metrics",
      "sweep-send-queued-emails",
      "sweep-alert-failing-callbacks",
      "sweep-send-daily-summaries",
      "sweep-apply-retention",
    ]);
    expect(sweepFunctions.map((fn) => fn.opts.triggers)).toContainEqual([{ cron: "* * * * *" }]);
    expect(functions).toEqual([sendQueuedEmail, ...orderFunctions, ...sweepFunctions]);
  });

  it("sweep-send-queued-emails sends what events left queued", async () => {
    const ids = [await queue("a@test.jivapay.dev"), await queue("b@test.jivapay.dev")];
    const engine = new InngestTestEngine({ function: sweepFunctions.find((fn) => fn.opts.id === "sweep-send-queued-emails")! });
    await engine.execute();
    expect(await prisma.emailOutbox.count({ where: { id: { in: ids }, status: "sent" } })).toBe(2);
  });
});

describe("emit", () => {
  let inngestApi: FakeInngest;

  beforeAll(async () => {
    inngestApi = await startFakeInngest();
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    inngest.setEnvVars();
    await inngestApi.close();
  });

  beforeEach(() => {
    inngestApi.clear();
  });

  /** The client reads its environment when created; tests change it, then let it re-read. */
  function configure(env: Record<string, string | undefined>) {
    vi.unstubAllEnvs();
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    inngest.setEnvVars();
  }

  it("sends nothing when Inngest is not configured", async () => {
    configure({ INNGEST_BASE_URL: undefined, INNGEST_EVENT_KEY: undefined });
    await notifyEmailsQueued([1n, null]);
    expect(inngestApi.requests).toHaveLength(0);
  });

  it("sends email/queued events to the configured Inngest", async () => {
    configure({ INNGEST_BASE_URL: inngestApi.url, INNGEST_EVENT_KEY: "test-event-key" });
    await notifyEmailsQueued([7n, null, 8n]);
    expect(inngestApi.requests).toHaveLength(1);
    expect(inngestApi.requests[0].path).toBe("/e/test-event-key");
    expect(inngestApi.requests[0].body).toEqual([
      expect.objectContaining({ name: "email/queued", data: { id: "7" }, id: "email-queued-7" }),
      expect.objectContaining({ name: "email/queued", data: { id: "8" }, id: "email-queued-8" }),
    ]);
  });

  it("never throws into the caller when Inngest cannot be reached", async () => {
    const closed = await startFakeInngest();
    await closed.close();
    configure({ INNGEST_BASE_URL: closed.url, INNGEST_EVENT_KEY: "test-event-key" });
    const logs = captureLogs();
    try {
      await expect(emit({ name: "email/queued", data: { id: "9" } })).resolves.toBeUndefined();
    } finally {
      logs.restore();
    }
    expect(logs.records()).toEqual([expect.objectContaining({ level: "error", msg: expect.stringContaining("could not send events to Inngest"), events: ["email/queued"], err: expect.anything() })]);
  });
});
