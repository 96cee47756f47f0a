import type { Tx } from "@/lib/db/client";
import type { Movement } from "@/lib/ledger/accounts";
import { postMovements, type PostedMovement } from "@/lib/ledger/post-movements";

/** postMovements with the history rows dated `at` (the seed builds two weeks of history). */
export function postMovementsAt(tx: Tx, movements: Movement[], at?: Date): Promise<PostedMovement[]> {
  return postMovements(tx, movements, { at });
}
