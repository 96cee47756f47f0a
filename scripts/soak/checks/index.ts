// The soak's verdict: what must hold after two instances served mixed traffic through crashes.
// Each check compares what the clients and the receiver saw over HTTP with what the database
// recorded. Loaded after DATABASE_URL is set.
import { answersAreInDatabase, everyInstanceCrashed, ledger, noServerErrors, oneOrderPerIdempotencyKey } from "./answers";
import type { CheckResult, SoakRun } from "./common";
import { callbacksDeliveredOnce, everyChangeHasOneCallback, noOverdueOrders } from "./deadlines-and-callbacks";
import { balancesNeverNegative, limitsHeld } from "./limits";

export type { CheckResult, SoakRun } from "./common";

export async function runChecks(run: SoakRun): Promise<CheckResult[]> {
  return [
    await ledger(),
    await answersAreInDatabase(run),
    await oneOrderPerIdempotencyKey(run),
    await limitsHeld(),
    await balancesNeverNegative(),
    await noOverdueOrders(),
    await everyChangeHasOneCallback(),
    await callbacksDeliveredOnce(run),
    noServerErrors(run),
    everyInstanceCrashed(run),
  ];
}
