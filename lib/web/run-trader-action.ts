import "server-only";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import type { TraderActionResult } from "./trader-action-result";
import { requireTrader } from "./trader-session";

/**
 * The frame of every trader server action (they are public endpoints): the caller must be a
 * signed-in trader with a trader profile — checked here, on the server, before `fn` runs —
 * and `fn` gets that profile's id to scope every read and write by. Domain refusals become a
 * result the form can show; anything else is a bug and propagates.
 */
export async function runTraderAction<T>(fn: (trader: { traderId: number; actor: Actor }) => Promise<TraderActionResult<T>>): Promise<TraderActionResult<T>> {
  // Outside the try: its redirect to /login and 403 must reach Next.js.
  const { traderId, actor } = await requireTrader();
  if (traderId === null) return { ok: false, code: "no_trader_profile" };
  try {
    return await fn({ traderId, actor });
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code };
    throw error;
  }
}
