import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTrader } from "@/lib/testing";
import { markTradersSeen } from "./mark-traders-seen";

describe("markTradersSeen", () => {
  it("marks every trader not marked within the last minute, in one statement, and no one else", async () => {
    const now = new Date();
    const recently = new Date(now.getTime() - 20_000);
    const [never, long, recent, other] = await Promise.all([
      createTrader(prisma),
      createTrader(prisma, { lastSeenAt: new Date(now.getTime() - 5 * 60_000) }),
      createTrader(prisma, { lastSeenAt: recently }),
      createTrader(prisma),
    ]);
    expect(await markTradersSeen([never.id, long.id, recent.id], now)).toBe(2);
    const seen = new Map((await prisma.trader.findMany({ where: { id: { in: [never.id, long.id, recent.id, other.id] } } })).map((t) => [t.id, t.lastSeenAt]));
    expect(seen.get(never.id)).toEqual(now);
    expect(seen.get(long.id)).toEqual(now);
    expect(seen.get(recent.id), "marked 20 s ago: left alone").toEqual(recently);
    expect(seen.get(other.id)).toBeNull();
    expect(await markTradersSeen([], now)).toBe(0);
  });
});
