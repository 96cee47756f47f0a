import "server-only";
import { inngest } from "@/lib/jobs/inngest-client";
import { log } from "@/lib/observability/logger";
import { isInngestConfigured } from "./inngest-configured";

export interface BackgroundEvent {
  name: string;
  data: Record<string, unknown>;
  /** Inngest ignores a second event with the same id (within 24 h). */
  id?: string;
}

/**
 * Sends events to Inngest when it is configured, so functions start at once. Never throws:
 * the work an event announces is already a row in the database, and the sweeps (Inngest crons
 * or the in-process loop) pick it up if the event is lost. Without Inngest this does nothing.
 */
export async function emit(events: BackgroundEvent | BackgroundEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0 || !isInngestConfigured()) return;
  try {
    await inngest.send(list);
  } catch (error) {
    log.error({ err: error, events: list.map((e) => e.name) }, "could not send events to Inngest; the sweep will pick the work up");
  }
}
