import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/audit/record-audit";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { requireRole, type CurrentUser } from "@/lib/web/session";
import { routeUserOrRefusal } from "@/lib/web/route-user";

export interface TraderSession {
  user: CurrentUser;
  /** The trader profile of this user; null until an admin has created one. */
  traderId: number | null;
  /** Who the trader's changes are audited as, with the request's address and browser. */
  actor: Actor;
}

/**
 * For trader pages, route handlers and server actions: the signed-in trader (else /login or a
 * 403; a deactivated user or trader profile counts as signed out) and their trader profile,
 * both from getCurrentUser's one query. Every read and write below is scoped by `traderId`,
 * never by an id the browser sent alone.
 */
export async function requireTrader(): Promise<TraderSession> {
  const user = await requireRole("trader");
  const requestHeaders = await headers();
  return {
    user,
    traderId: user.traderId,
    actor: { type: "user", role: "trader", userId: user.id, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") },
  };
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
