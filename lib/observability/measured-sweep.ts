import "server-only";
import { metrics } from "./metrics";

interface Sweep {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

/**
 * The sweep with each run timed (jivapay_sweep_duration_seconds) and a failure counted
 * (jivapay_sweep_errors_total), then rethrown for whoever runs it to log (the in-process
 * loop, an Inngest cron function). In both modes alike, since both run SWEEP_TASKS.
 */
export function measuredSweep<T extends Sweep>(task: T): T {
  return {
    ...task,
    run: async () => {
      const stop = metrics().sweepDuration.startTimer({ sweep: task.name });
      try {
        return await task.run();
      } catch (error) {
        metrics().sweepErrors.inc({ sweep: task.name });
        throw error;
      } finally {
        stop();
      }
    },
  };
}
