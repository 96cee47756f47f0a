import { describe, expect, it } from "vitest";
import { matchRetryDelaySeconds, matchingExhausted, nextMatchAttemptAt, type MatchRetrySettings } from "./backoff";

const settings: MatchRetrySettings = {
  "order.match_attempts": 10,
  "order.match_window_seconds": 600,
  "order.match_backoff_seconds": 5,
  "order.match_backoff_max_seconds": 60,
};
const created = new Date("2026-01-01T00:00:00Z");
const at = (seconds: number) => new Date(created.getTime() + seconds * 1000);

describe("match retry backoff", () => {
  it("doubles from the base delay up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => matchRetryDelaySeconds(n, settings))).toEqual([5, 10, 20, 40, 60, 60, 60]);
    expect(matchRetryDelaySeconds(1_000, settings)).toBe(60);
    expect(matchRetryDelaySeconds(3, { ...settings, "order.match_backoff_seconds": 1, "order.match_backoff_max_seconds": 3600 })).toBe(4);
  });

  it("schedules the next attempt after the delay, never past the end of the window", () => {
    expect(nextMatchAttemptAt({ createdAt: created, failedAttempts: 1 }, created, settings)).toEqual(at(5));
    expect(nextMatchAttemptAt({ createdAt: created, failedAttempts: 3 }, at(15), settings)).toEqual(at(35));
    expect(nextMatchAttemptAt({ createdAt: created, failedAttempts: 8 }, at(570), settings)).toEqual(at(600));
  });

  it("has no next attempt once the attempts or the window are used up", () => {
    expect(nextMatchAttemptAt({ createdAt: created, failedAttempts: 10 }, at(100), settings)).toBeNull();
    expect(nextMatchAttemptAt({ createdAt: created, failedAttempts: 2 }, at(600), settings)).toBeNull();
    expect(matchingExhausted({ createdAt: created, failedAttempts: 9 }, at(599.999), settings)).toBe(false);
    expect(matchingExhausted({ createdAt: created, failedAttempts: 9 }, at(600), settings)).toBe(true);
    expect(matchingExhausted({ createdAt: created, failedAttempts: 1 }, created, { ...settings, "order.match_attempts": 1 })).toBe(true);
  });
});
