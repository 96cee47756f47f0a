import "server-only";
import { emit, type BackgroundEvent } from "@/lib/jobs/emit";
import { prisma, type Tx } from "./client";
import { maybeInjectFault } from "./fault-injection";

const RETRYABLE = /deadlock detected|could not serialize|40P01|40001|P2034/;

// Events announced by the work of a transaction, sent once it has committed.
const pendingEvents = new WeakMap<Tx, BackgroundEvent[]>();

/**
 * Announces `event` once the transaction commits (never for a rolled-back attempt), so that an
 * Inngest function can start on it at once. Best effort by design: the work it announces is a
 * row in the database, which the sweeps find anyway. Outside runTransaction it does nothing.
 */
export function emitAfterCommit(tx: Tx, event: BackgroundEvent): void {
  pendingEvents.get(tx)?.push(event);
}

// Bookkeeping of a transaction's work (metrics counters), done once it has committed.
const pendingEffects = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `effect` once the transaction commits (never for a rolled-back or retried attempt), so
 * a counter counts what really happened. Outside runTransaction it runs at once.
 */
export function afterCommit(tx: Tx, effect: () => void): void {
  const effects = pendingEffects.get(tx);
  if (effects) effects.push(effect);
  else effect();
}

// Clean-up of work done outside the database for a transaction (a file put into storage), run
// if it finally fails.
const pendingRollbacks = new WeakMap<Tx, (() => Promise<void>)[]>();

/**
 * Runs `undo` if the transaction does not commit (after its last attempt; a retried attempt
 * registers again), e.g. to delete a stored file its row would have pointed at. Best effort,
 * awaited before the error is thrown; outside runTransaction it does nothing.
 */
export function onRollback(tx: Tx, undo: () => Promise<void>): void {
  pendingRollbacks.get(tx)?.push(undo);
}

/**
 * An interactive transaction, retried (up to `attempts` times, with jitter) when PostgreSQL
 * aborts it for a deadlock or a serialization failure: the whole function runs again on a
 * fresh snapshot, so nothing of the aborted attempt survives. Events the committed attempt
 * announced (emitAfterCommit) are sent after the commit.
 */
export async function runTransaction<T>(fn: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const events: BackgroundEvent[] = [];
    const effects: (() => void)[] = [];
    const rollbacks: (() => Promise<void>)[] = [];
    try {
      const result = await prisma.$transaction(
        async (tx) => {
          pendingEvents.set(tx, events);
          pendingEffects.set(tx, effects);
          pendingRollbacks.set(tx, rollbacks);
          const result = await fn(tx);
          maybeInjectFault();
          return result;
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
      if (events.length) void emit(events);
      for (const effect of effects) {
        try {
          effect();
        } catch {
          // Bookkeeping never fails a transaction that has committed.
        }
      }
      return result;
    } catch (error) {
      const code = (error as { code?: string })?.code ?? "";
      if (attempt >= attempts || !RETRYABLE.test(`${code} ${String(error)}`)) {
        await Promise.all(rollbacks.map((undo) => undo().catch(() => undefined)));
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
