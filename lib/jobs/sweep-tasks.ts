import "server-only";
import { alertFailingCallbacks } from "@/lib/email/alert-failing-callbacks";
import { sendDailySummaries } from "@/lib/email/send-daily-summaries";
import { sendQueuedEmails } from "@/lib/email/send-queued-emails";
import { expireDueOrders } from "@/lib/orders/expire-due-orders";
import { retryDueMatches } from "@/lib/matching/retry-due-matches";
import { deliverDueCallbacks } from "@/lib/callbacks/deliver-due-callbacks";
import { refreshDailyMetrics } from "@/lib/metrics/refresh-daily-metrics";
import { sweepRetention } from "@/lib/db/retention";
import { runSandboxSimulator } from "@/lib/sandbox/run-sandbox-simulator";
import { measuredSweep } from "@/lib/observability/measured-sweep";
import type { SweepTask } from "./sweep-loop";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Every periodic job of the platform, in one list. Each task finishes whatever is due in the
 * database (the source of truth), so running it late, twice or concurrently is harmless.
 * Without Inngest the app runs them in process (instrumentation.ts → startBackgroundSweeps);
 * with Inngest each becomes a cron function (inngest/functions/sweeps.ts). Add new sweeps
 * here and both modes get them (each run timed and its failures counted: measuredSweep).
 */
export const SWEEP_TASKS: readonly SweepTask[] = ([
  { name: "expire-due-orders", intervalMs: 2 * SECOND, run: () => expireDueOrders() },
  { name: "retry-due-matches", intervalMs: 2 * SECOND, run: () => retryDueMatches() },
  // The delivery pool runs while anything is due or in flight and ends when idle, so a short
  // tick only decides how soon a callback written while it was idle goes out.
  { name: "deliver-due-callbacks", intervalMs: SECOND / 4, run: () => deliverDueCallbacks() },
  // Moves sandbox stores' pay-ins by their amount's last two digits; one cheap read when there are none.
  { name: "run-sandbox-simulator", intervalMs: SECOND, run: () => runSandboxSimulator() },
  { name: "refresh-daily-metrics", intervalMs: MINUTE, run: () => refreshDailyMetrics() },
  { name: "send-queued-emails", intervalMs: 5 * SECOND, run: () => sendQueuedEmails() },
  { name: "alert-failing-callbacks", intervalMs: 5 * MINUTE, run: () => alertFailingCallbacks() },
  { name: "send-daily-summaries", intervalMs: 15 * MINUTE, run: () => sendDailySummaries() },
  { name: "apply-retention", intervalMs: 10 * MINUTE, run: () => sweepRetention() },
] satisfies SweepTask[]).map(measuredSweep);
