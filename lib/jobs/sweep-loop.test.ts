import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cronForInterval } from "./cron";
import { isInngestConfigured } from "./inngest-configured";
import { shouldRunSweepsInProcess } from "./start-background-sweeps";
import { startSweepLoop, type SweepLoop } from "./sweep-loop";

/** A promise the test resolves when it wants the "work" to finish. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

let loop: SweepLoop | undefined;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  vi.useRealTimers();
  await loop?.stop();
  loop = undefined;
});

describe("startSweepLoop", () => {
  it("runs each task on its interval", async () => {
    const fast = vi.fn(async () => {});
    const slow = vi.fn(async () => {});
    loop = startSweepLoop([
      { name: "fast", intervalMs: 100, run: fast },
      { name: "slow", intervalMs: 250, run: slow },
    ]);
    await vi.advanceTimersByTimeAsync(99);
    expect(fast).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1001);
    expect(fast).toHaveBeenCalledTimes(11);
    expect(slow).toHaveBeenCalledTimes(4);
  });

  it("does not start a task again while its previous run is still going", async () => {
    let active = 0;
    let maxActive = 0;
    const work = gate();
    const run = vi.fn(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await work.promise;
      active -= 1;
    });
    loop = startSweepLoop([{ name: "long", intervalMs: 100, run }]);

    await vi.advanceTimersByTimeAsync(1000); // ten ticks while the first run is still going
    expect(run).toHaveBeenCalledTimes(1);
    work.open();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
  });

  it("logs a failing task and keeps running it and the others", async () => {
    const log = vi.fn();
    const failing = vi.fn(async () => {
      throw new Error("database unreachable");
    });
    const throwsSync = vi.fn(() => {
      throw new Error("thrown before any await");
    });
    const healthy = vi.fn(async () => {});
    loop = startSweepLoop(
      [
        { name: "failing", intervalMs: 100, run: failing },
        { name: "throws-sync", intervalMs: 100, run: throwsSync },
        { name: "healthy", intervalMs: 100, run: healthy },
      ],
      { log },
    );
    await vi.advanceTimersByTimeAsync(300);
    expect(failing).toHaveBeenCalledTimes(3);
    expect(throwsSync).toHaveBeenCalledTimes(3);
    expect(healthy).toHaveBeenCalledTimes(3);
    expect(log).toHaveBeenCalledTimes(6);
    expect(log).toHaveBeenCalledWith("[sweep] failing failed:", expect.objectContaining({ message: "database unreachable" }));
  });

  it("stops: no new runs, and stop() waits for the one in progress", async () => {
    const work = gate();
    let finished = false;
    const run = vi.fn(async () => {
      await work.promise;
      finished = true;
    });
    const current = startSweepLoop([{ name: "task", intervalMs: 100, run }]);
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = current.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(stopped).toBe(false);
    work.open();
    await stopping;
    expect(finished).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe("when the sweeps run in process", () => {
  it("runs them unless Inngest is configured, they are switched off or the app is being built", () => {
    expect(shouldRunSweepsInProcess({})).toBe(true);
    expect(shouldRunSweepsInProcess({ JIVAPAY_SWEEPS: "off" })).toBe(false);
    expect(shouldRunSweepsInProcess({ NEXT_PHASE: "phase-production-build" })).toBe(false);
    expect(shouldRunSweepsInProcess({ INNGEST_BASE_URL: "http://127.0.0.1:8288" })).toBe(false);
    expect(shouldRunSweepsInProcess({ INNGEST_EVENT_KEY: "key" })).toBe(false);
    expect(isInngestConfigured({ INNGEST_EVENT_KEY: "" })).toBe(false);
  });
});

describe("cronForInterval", () => {
  it("turns an interval into the nearest cron schedule", () => {
    expect(cronForInterval(5_000)).toBe("* * * * *");
    expect(cronForInterval(5 * 60_000)).toBe("*/5 * * * *");
    expect(cronForInterval(60 * 60_000)).toBe("0 * * * *");
    expect(cronForInterval(6 * 60 * 60_000)).toBe("0 */6 * * *");
    expect(cronForInterval(24 * 60 * 60_000)).toBe("0 0 * * *");
  });
});
