import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/audit/record-audit";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { requireRole, type CurrentUser } from "@/lib/web/session";

/**
 * For merchant pages and server actions: the signed-in merchant (else /login or a 403) and the
 * actor their changes are audited as, with the request's address and browser.
 */
export async function requireMerchant(): Promise<{ user: CurrentUser; actor: Actor }> {
  const user = await requireRole("merchant");
  const requestHeaders = await headers();
  return {
    user,
    actor: { type: "user", role: "merchant", userId: user.id, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") },
  };
}
