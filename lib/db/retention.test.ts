import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore, ensureDefaultSettings } from "@/lib/testing";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { RETENTION_BATCH, sweepRetention } from "./retention";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
let storeId: number;

beforeAll(async () => {
  await ensureDefaultSettings(prisma);
  invalidateSettings();
  storeId = (await createStore(prisma)).id;
});

async function email(key: string, status: "queued" | "sent" | "stored" | "failed", createdAt: Date, sealedSecret: string | null = null) {
  return prisma.emailOutbox.create({ data: { to: `${key}@test.jivapay.dev`, subject: key, template: "test", html: "", text: "", status, createdAt, sealedSecret } });
}

async function key(key: string, createdAt: Date, completed: boolean) {
  return prisma.idempotencyKey.create({
    data: { storeId, key, requestHash: "0".repeat(64), createdAt, ...(completed ? { responseStatus: 201, responseBody: "{}", completedAt: createdAt } : {}) },
  });
}

const remaining = async () => ({
  buckets: (await prisma.rateLimitBucket.findMany({ orderBy: { key: "asc" } })).map((b) => b.key),
  keys: (await prisma.idempotencyKey.findMany({ where: { storeId }, orderBy: { key: "asc" } })).map((k) => k.key),
  emails: (await prisma.emailOutbox.findMany({ orderBy: { subject: "asc" } })).map((e) => e.subject),
});

describe("sweepRetention", () => {
  it("deletes rows past their age and keeps recent ones, queued mail and in-flight idempotency keys", async () => {
    await prisma.rateLimitBucket.createMany({
      data: [
        { key: "ip:old", windowStart: ago(HOUR), count: 3 },
        { key: "ip:current", windowStart: ago(30_000), count: 1 },
        { key: "ip:recent", windowStart: ago(5 * 60_000), count: 1 },
      ],
    });
    await key("completed-old", ago(49 * HOUR), true);
    await key("completed-recent", ago(47 * HOUR), true);
    await key("in-flight", ago(5_000), false);
    await key("abandoned-old", ago(49 * HOUR), false);
    await email("sent-old", "sent", ago(31 * DAY));
    await email("failed-old", "failed", ago(31 * DAY));
    await email("stored-old", "stored", ago(31 * DAY));
    await email("queued-old", "queued", ago(31 * DAY), "v1:still-needed");
    await email("sent-recent", "sent", ago(29 * DAY));

    expect(await sweepRetention({ now })).toEqual({ rateLimitBuckets: 1, idempotencyKeys: 2, emails: 3, sealedSecretsCleared: 0 });
    expect(await remaining()).toEqual({
      buckets: ["ip:current", "ip:recent"],
      keys: ["completed-recent", "in-flight"],
      emails: ["queued-old", "sent-recent"],
    });
    // The queued email keeps its sealed link: it still has to go out.
    expect((await prisma.emailOutbox.findFirstOrThrow({ where: { subject: "queued-old" } })).sealedSecret).toBe("v1:still-needed");

    expect(await sweepRetention({ now })).toEqual({ rateLimitBuckets: 0, idempotencyKeys: 0, emails: 0, sealedSecretsCleared: 0 });
  });

  it("follows the retention settings, never keeping idempotency keys under 24 hours", async () => {
    await prisma.idempotencyKey.deleteMany({ where: { storeId } });
    await prisma.emailOutbox.deleteMany();
    await prisma.configurationSetting.update({ where: { key: "retention.mail_days" }, data: { value: 2 } });
    // Below the schema's minimum: read as the default (48 h), never as "delete everything".
    await prisma.configurationSetting.update({ where: { key: "retention.idempotency_hours" }, data: { value: 1 } });
    invalidateSettings();
    try {
      await key("three-hours", ago(3 * HOUR), true);
      await key("fifty-hours", ago(50 * HOUR), true);
      await email("sent-3d", "sent", ago(3 * DAY));
      await email("sent-1d", "sent", ago(1 * DAY));
      expect(await sweepRetention({ now })).toMatchObject({ idempotencyKeys: 1, emails: 1 });
      expect(await remaining()).toMatchObject({ keys: ["three-hours"], emails: ["sent-1d"] });
    } finally {
      await prisma.configurationSetting.update({ where: { key: "retention.mail_days" }, data: { value: 30 } });
      await prisma.configurationSetting.update({ where: { key: "retention.idempotency_hours" }, data: { value: 48 } });
      invalidateSettings();
    }
  });

  it("clears the sealed link of mail no longer queued once every link has expired (72 h)", async () => {
    await prisma.emailOutbox.deleteMany();
    await email("stored-4d", "stored", ago(4 * DAY), "v1:a");
    await email("stored-2d", "stored", ago(2 * DAY), "v1:b");
    await email("queued-4d", "queued", ago(4 * DAY), "v1:c");
    expect(await sweepRetention({ now })).toMatchObject({ sealedSecretsCleared: 1 });
    const sealed = await prisma.emailOutbox.findMany({ orderBy: { subject: "asc" }, select: { subject: true, sealedSecret: true } });
    expect(sealed).toEqual([
      { subject: "queued-4d", sealedSecret: "v1:c" },
      { subject: "stored-2d", sealedSecret: "v1:b" },
      { subject: "stored-4d", sealedSecret: null },
    ]);
  });

  it("works off a backlog in batches", async () => {
    const count = RETENTION_BATCH + 123;
    await prisma.$executeRaw`
      INSERT INTO rate_limit_buckets (key, window_start, count)
      SELECT 'ip:backlog-' || n, ${ago(2 * HOUR)}, 1 FROM generate_series(1, ${count}) AS n`;
    expect(await sweepRetention({ now })).toMatchObject({ rateLimitBuckets: count });
    expect(await prisma.rateLimitBucket.count({ where: { key: { startsWith: "ip:backlog-" } } })).toBe(0);
  });
});
