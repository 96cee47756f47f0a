import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { requireRole, type CurrentUser } from "@/lib/web/session";
import { routeUserOrRefusal } from "@/lib/web/route-user";
import { requestActor } from "@/lib/web/request-actor";

export interface TraderSession {
  user: CurrentUser;
  /** The trader profile of this user; null until an admin has created one. */
  traderId: number | null;
  /** Who the trader's changes are audited as, with the request's address and browser. */
  actor: Actor;
}

/**
 * For trader pages: the signed-in trader (else /login or a 403; a deactivated user or trader
 * profile counts as signed out) and their trader profile, both from getCurrentUser's one query.
 * Every read and write below is scoped by `traderId`, never by an id the browser sent alone.
 * (Trader server actions get the same from runAction, lib/web/action.ts.)
 */
export async function requireTrader(): Promise<TraderSession> {
  const user = await requireRole("trader");
  return { user, traderId: user.traderId, actor: await requestActor(user) };
}

/**
 * For the trader cabinet's polled JSON routes: the trader profile of the signed-in trader, or a
 * 401 (signed out: the cabinet then sends the browser to /login) or 403 response to send instead.
 */
export async function traderRouteSession(): Promise<{ traderId: number | null; refusal?: never } | { traderId?: never; refusal: Response }> {
  const { user, refusal } = await routeUserOrRefusal("trader");
  if (refusal) return { refusal };
  return { traderId: user.traderId };
}
