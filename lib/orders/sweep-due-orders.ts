import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";

export interface Sweep<Outcome extends string> {
  /** At most this many orders are handled in one call. */
  limit: number;
  /**
   * Claims the next due order, skipping `handled` (already done by this sweep), with
   * `FOR UPDATE SKIP LOCKED`: parallel sweeps each take different orders, and an order a
   * request is changing right now is left to a later sweep instead of being waited for.
   */
  pick: (tx: Tx, handled: string[]) => Promise<string | undefined>;
  /** Handles the claimed order under its lock; null when there was nothing to do after all. */
  handle: (tx: Tx, id: string) => Promise<Outcome | null>;
  /** One counter per outcome, all zero: the sweep's result. */
  counts: Record<Outcome, number>;
}

/**
 * Works through due orders, each in its own transaction, so one order's failure never undoes
 * another's change. An order whose handling throws is passed over for the rest of the sweep
 * (it cannot stall the orders behind it); the errors are thrown together once every other
 * due order was handled, so the caller (an Inngest step, the sweep loop) sees and retries them.
 */
export async function sweepDueOrders<Outcome extends string>(sweep: Sweep<Outcome>): Promise<Record<Outcome, number>> {
  const { counts } = sweep;
  const handled: string[] = [];
  const errors: unknown[] = [];
  while (handled.length < sweep.limit) {
    let picked: string | undefined;
    try {
      const outcome = await runTransaction(async (tx) => {
        picked = await sweep.pick(tx, handled);
        return picked === undefined ? null : sweep.handle(tx, picked);
      });
      if (picked === undefined) break;
      if (outcome) counts[outcome]++;
    } catch (error) {
      if (picked === undefined) throw error;
      errors.push(error);
    }
    handled.push(picked);
  }
  if (errors.length) throw new AggregateError(errors, `${errors.length} due order(s) could not be handled: ${errors.map(String).join("; ")}`);
  return counts;
}
