import { log } from "@/lib/observability/logger";

/** A periodic job: `run` is called every `intervalMs`, never while its previous run is still going. */
export interface SweepTask {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

export interface SweepLoop {
  /** Stops scheduling and waits for runs in progress to finish. */
  stop(): Promise<void>;
}

type Log = (message: string, error: unknown) => void;
const defaultLog: Log = (message, error) => log.error({ err: error }, message);

/**
 * Runs each task on its own interval in this process. A tick that finds the task's previous
 * run still going is skipped (no overlap, no pile-up); an error is logged and the next tick
 * runs as usual, and one task's failure never affects the others. Timers do not keep the
 * process alive.
 */
export function startSweepLoop(tasks: readonly SweepTask[], options: { log?: Log } = {}): SweepLoop {
  const log = options.log ?? defaultLog;
  const running = new Map<SweepTask, Promise<void>>();
  let stopped = false;

  const tick = (task: SweepTask) => {
    if (stopped || running.has(task)) return;
    // Started on a microtask, so the task is marked running before any of its code executes.
    const run = Promise.resolve()
      .then(() => task.run())
      .then(
        () => undefined,
        (error: unknown) => log(`[sweep] ${task.name} failed:`, error),
      )
      .finally(() => running.delete(task));
    running.set(task, run);
  };

  const timers = tasks.map((task) => {
    const timer = setInterval(() => tick(task), task.intervalMs);
    timer.unref?.();
    return timer;
  });

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
