import { cron } from "inngest";
import { inngest } from "@/lib/jobs/inngest-client";
import { cronForInterval } from "@/lib/jobs/cron";
import { SWEEP_TASKS } from "@/lib/jobs/sweep-tasks";

/**
 * With Inngest configured, each sweep of lib/jobs/sweep-tasks.ts runs as a cron
 * function instead of in process (one run at a time), e.g. `sweep-send-queued-emails` sends
 * whatever emails an event-driven run left queued.
 */
export const sweepFunctions = SWEEP_TASKS.map((task) =>
  inngest.createFunction(
    { id: `sweep-${task.name}`, name: `Sweep: ${task.name}`, retries: 0, concurrency: { limit: 1 }, triggers: [cron(cronForInterval(task.intervalMs))] },
    // The task's result is not kept: step output must be JSON, and sweeps may return anything.
    async ({ step }) => {
      await step.run(task.name, async () => {
        await task.run();
      });
    },
  ),
);
