// The endpoint breaker's transitions, as the statement writes them into callback_endpoints.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore } from "@/lib/testing";
import type { ClaimedCallback } from "./claim-due-callbacks";
import { endpointOutcomeStatement } from "./record-endpoint-outcome";

const settings = { failureThreshold: 3, probeSeconds: 10, probeMaxSeconds: 60 };
const t0 = new Date("2026-12-05T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function report(storeId: number, seconds: number, kind: "answered" | "unreachable", probe = false) {
  const tracked = (await prisma.callbackEndpoint.count({ where: { storeId } })) > 0;
  const row = { storeId, probe, breakerTracked: tracked } as ClaimedCallback;
  await endpointOutcomeStatement(row, { kind, at: at(seconds), error: kind === "unreachable" ? "timeout: no response within 10000 ms" : null }, settings);
  return prisma.callbackEndpoint.findUnique({ where: { storeId } });
}

describe("the endpoint breaker", () => {
  it("opens after the threshold of unreachable deliveries in a row, the first probe due probeSeconds later", async () => {
    const { id } = await createStore(prisma);
    expect(await report(id, 0, "unreachable")).toMatchObject({ state: "closed", consecutiveFailures: 1, failingSince: at(0), nextProbeAt: null });
    await report(id, 1, "unreachable");
    expect(await report(id, 2, "unreachable")).toMatchObject({ state: "open", consecutiveFailures: 3, openedAt: at(2), nextProbeAt: at(12), failingSince: at(0) });
  });

  it("doubles the wait after each failed probe, up to the max; a late failure of a delivery sent before does not move it", async () => {
    const { id } = await createStore(prisma);
    for (let i = 0; i < 3; i++) await report(id, 0, "unreachable");
    expect(await report(id, 5, "unreachable")).toMatchObject({ state: "open", nextProbeAt: at(10), consecutiveFailures: 4, failedProbes: 0 });
    expect(await report(id, 10, "unreachable", true)).toMatchObject({ state: "open", failedProbes: 1, nextProbeAt: at(30) });
    expect(await report(id, 30, "unreachable", true)).toMatchObject({ failedProbes: 2, nextProbeAt: at(70) });
    expect(await report(id, 70, "unreachable", true)).toMatchObject({ failedProbes: 3, nextProbeAt: at(130) });
  });

  it("any answer closes it (the row goes: healthy), a 5xx too", async () => {
    const { id } = await createStore(prisma);
    for (let i = 0; i < 3; i++) await report(id, 0, "unreachable");
    expect(await report(id, 10, "answered", true)).toBeNull();
    await report(id, 11, "unreachable");
    expect(await report(id, 12, "answered")).toBeNull();
  });

  it("counts concurrent failures one after another", async () => {
    const { id } = await createStore(prisma);
    const row = { storeId: id, probe: false, breakerTracked: false } as ClaimedCallback;
    await Promise.all(Array.from({ length: 8 }, () => prisma.$transaction([endpointOutcomeStatement(row, { kind: "unreachable", at: at(0), error: "x" }, settings)!])));
    expect(await prisma.callbackEndpoint.findUnique({ where: { storeId: id } })).toMatchObject({ state: "open", consecutiveFailures: 8 });
  });
});
