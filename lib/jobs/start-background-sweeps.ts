import "server-only";
import { isInngestConfigured } from "./inngest-configured";
import { startSweepLoop, type SweepLoop } from "./sweep-loop";
import { SWEEP_TASKS } from "./sweep-tasks";

/**
 * Whether this process should run the sweeps itself: Inngest is not configured, they are not
 * switched off, and this is not `next build` (which loads instrumentation to prerender pages).
 */
export function shouldRunSweepsInProcess(env: Record<string, string | undefined> = process.env): boolean {
  return !isInngestConfigured(env) && env.JIVAPAY_SWEEPS !== "off" && env.NEXT_PHASE !== "phase-production-build";
}

// Kept on globalThis: Next may evaluate instrumentation more than once per process (dev reloads).
const holder = globalThis as { jivapaySweeps?: SweepLoop };

/**
 * Starts the in-process sweep loop once per server process when it should run (see
 * shouldRunSweepsInProcess). Several app instances may each run it: every sweep claims its
 * rows with SKIP LOCKED or compare-and-set, so they share the work instead of repeating it.
 */
export function startBackgroundSweeps(): SweepLoop | null {
  if (!shouldRunSweepsInProcess()) return null;
  holder.jivapaySweeps ??= startSweepLoop(SWEEP_TASKS);
  return holder.jivapaySweeps;
}
