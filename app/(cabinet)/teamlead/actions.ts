"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/web/session";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { DomainError } from "@/lib/errors/domain-error";
import { setTraderTraffic } from "@/lib/traders/set-trader-traffic";

const trafficInputSchema = z.object({
  traderId: z.number().int().positive().max(2_147_483_647),
  enabled: z.boolean(),
});

export type SetTrafficResult = { ok: true; changed: boolean } | { ok: false; error: "notInTeam" | "invalid" };

/**
 * The teamlead turns a trader's traffic on or off (a public endpoint like any server action):
 * the role and the team.traffic permission are checked here (403 otherwise), the permission
 * and the team membership again by setTraderTraffic, the input by zod.
 */
export async function setTraderTrafficAction(input: unknown): Promise<SetTrafficResult> {
  const user = await requirePermission("teamlead", "team.traffic");
  const parsed = trafficInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const requestHeaders = await headers();
  try {
    const result = await setTraderTraffic({
      ...parsed.data,
      actor: { type: "user", userId: user.id, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") },
    });
    revalidatePath("/teamlead");
    return { ok: true, changed: result.changed };
  } catch (error) {
    if (error instanceof DomainError && error.code === "trader_not_found") return { ok: false, error: "notInTeam" };
    // The permission was withdrawn between the check above and the transaction.
    if (error instanceof DomainError && error.code === "permission_denied") forbidden();
    throw error;
  }
}
