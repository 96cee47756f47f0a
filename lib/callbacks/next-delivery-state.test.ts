import { describe, expect, it } from "vitest";
import { nextDeliveryState } from "./next-delivery-state";

const createdAt = new Date("2026-01-01T00:00:00Z");
const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);
const base = { createdAt, retryScheduleSeconds: [10, 60, 600], maxAgeHours: 1 };

describe("nextDeliveryState", () => {
  it("succeeds on 2xx", () => {
    expect(nextDeliveryState({ ...base, ok: true, attempts: 5, at: at(30) })).toEqual({ status: "succeeded", deliveredAt: at(30) });
  });

  it("retries after the schedule's delay for the attempt count, the last delay repeating", () => {
    expect(nextDeliveryState({ ...base, ok: false, attempts: 0, at: at(0) })).toEqual({ status: "pending", nextAttemptAt: at(10) });
    expect(nextDeliveryState({ ...base, ok: false, attempts: 1, at: at(10) })).toEqual({ status: "pending", nextAttemptAt: at(70) });
    expect(nextDeliveryState({ ...base, ok: false, attempts: 2, at: at(70) })).toEqual({ status: "pending", nextAttemptAt: at(670) });
    expect(nextDeliveryState({ ...base, ok: false, attempts: 7, at: at(700) })).toEqual({ status: "pending", nextAttemptAt: at(1300) });
  });

  it("makes the last retry on the deadline and fails an attempt at or after it", () => {
    expect(nextDeliveryState({ ...base, ok: false, attempts: 5, at: at(3500) })).toEqual({ status: "pending", nextAttemptAt: at(3600) });
    expect(nextDeliveryState({ ...base, ok: false, attempts: 6, at: at(3600) })).toEqual({ status: "failed" });
    expect(nextDeliveryState({ ...base, ok: false, attempts: 0, at: at(7200) })).toEqual({ status: "failed" });
    expect(nextDeliveryState({ ...base, ok: true, attempts: 6, at: at(7200) }).status).toBe("succeeded");
  });
});
