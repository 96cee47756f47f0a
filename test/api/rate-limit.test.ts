// The rate limiter's leases against this file's own PostgreSQL database: up to 1,999 a minute
// every request is counted in the database; above, one statement leases a thousandth of the
// limit, and all leases together never admit more than the limit.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { enforceRateLimit, leaseSize } from "@/lib/api/rate-limit";
import { setSetting, setupReference } from "@/lib/testing/fixtures";
import { uniqueId } from "@/lib/testing";

const WINDOW = 60_000;
/** A moment in the middle of a window, so a test's requests share it. */
const now = Math.floor(Date.now() / WINDOW) * WINDOW + 30_000;
const counted = async (key: string) =>
  Number((await prisma.rateLimitBucket.findFirst({ where: { key, windowStart: new Date(now - (now % WINDOW)) } }))?.count ?? 0);

async function admitted(apiKey: string, requests: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < requests; i++) {
    try {
      await enforceRateLimit({ apiKey, ip: null }, now);
      ok += 1;
    } catch (error) {
      expect((error as { code?: string }).code).toBe("rate_limited");
    }
  }
  return ok;
}

beforeAll(async () => {
  await setupReference();
});

describe("leaseSize", () => {
  it("is a thousandth of the limit, from 1 to 100", () => {
    expect([1, 600, 1999, 2000, 25_000, 99_999, 1_000_000].map(leaseSize)).toEqual([1, 1, 1, 2, 25, 99, 100]);
  });
});

describe("enforceRateLimit", () => {
  beforeEach(async () => {
    await setSetting("rate_limit.per_ip_per_minute", 1_000_000);
  });

  it("counts every request in the database at ordinary limits", async () => {
    await setSetting("rate_limit.per_api_key_per_minute", 600);
    const key = uniqueId("k");
    expect(await admitted(key, 5)).toBe(5);
    expect(await counted(`key:${key}`)).toBe(5);
  });

  it("leases a hundred requests per statement at a limit of a million", async () => {
    await setSetting("rate_limit.per_api_key_per_minute", 1_000_000);
    const key = uniqueId("k");
    expect(await admitted(key, 100)).toBe(100);
    expect(await counted(`key:${key}`)).toBe(100);
    expect(await admitted(key, 1)).toBe(1);
    expect(await counted(`key:${key}`)).toBe(200);
  });

  it("never admits more than the limit, however the leases fall", async () => {
    await setSetting("rate_limit.per_api_key_per_minute", 2500); // leases of 2
    const key = uniqueId("k");
    // Another instance has taken all but 3 of this window's requests.
    await prisma.rateLimitBucket.create({ data: { key: `key:${key}`, windowStart: new Date(now - (now % WINDOW)), count: 2497 } });
    expect(await admitted(key, 10)).toBe(3);
  });

  it("admits concurrent requests whose buckets run out of their leases while they wait for the database", async () => {
    await setSetting("rate_limit.per_api_key_per_minute", 600); // a statement per request for each key
    await setSetting("rate_limit.per_ip_per_minute", 1_000_000); // leases of 100 for the one IP
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    await enforceRateLimit({ apiKey: uniqueId("k"), ip }, now); // this process now holds a lease of the IP's bucket, 99 left
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => enforceRateLimit({ apiKey: uniqueId("k"), ip }, now)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  });
});
