/**
 * A counting semaphore with a bounded, first-come-first-served queue: at most `limit` tasks run
 * at once, later callers wait in order, and once `maxQueue` callers are waiting a new one is
 * refused at once (SemaphoreFullError) instead of piling up memory and latency behind a burst.
 * Plain TypeScript, usable anywhere; the password hasher (lib/auth/password.ts) is its user.
 */
export class SemaphoreFullError extends Error {
  constructor(semaphore: string) {
    super(`${semaphore}: too many callers waiting`);
    this.name = "SemaphoreFullError";
  }
}

export interface Semaphore {
  /** Runs `task` once a slot is free; the slot is released however the task ends. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Callers waiting for a slot now. */
  readonly waiting: number;
  /** The most tasks ever seen running at once since creation or `resetPeak` (for tests and benchmarks). */
  readonly peak: number;
  resetPeak(): void;
}

export function createSemaphore(name: string, limit: number, maxQueue = Infinity): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`${name}: limit must be a positive integer`);
  let active = 0;
  let peak = 0;
  const queue: Array<() => void> = [];

  const acquire = (): Promise<void> => {
    if (active < limit) {
      active++;
      peak = Math.max(peak, active);
      return Promise.resolve();
    }
    if (queue.length >= maxQueue) return Promise.reject(new SemaphoreFullError(name));
    // The slot is handed over by `release` (active stays the same), so no newcomer can jump the queue.
    return new Promise<void>((resolve) => queue.push(resolve));
  };
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    get peak() {
      return peak;
    },
    resetPeak() {
      peak = active;
    },
  };
}
