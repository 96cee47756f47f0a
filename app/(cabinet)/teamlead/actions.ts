"use server";

import { forbidden } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { setTraderTraffic } from "@/lib/traders/set-trader-traffic";
import { runAction, type ActionResult } from "@/lib/web/action";

const trafficInputSchema = z.object({
  traderId: z.number().int().positive().max(2_147_483_647),
  enabled: z.boolean(),
});

/**
 * The teamlead turns a trader's traffic on or off (a public endpoint like any server action):
 * the role and the team.traffic permission are checked here (403 otherwise), the permission
 * and the team membership again by setTraderTraffic, the input by zod.
 */
export async function setTraderTrafficAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return runAction(
    { role: "teamlead", permission: "team.traffic", schema: trafficInputSchema, fallback: "teamlead.traffic.failed", revalidate: "/teamlead" },
    input,
    async ({ input, actor }) => {
      try {
        const { changed } = await setTraderTraffic({ ...input, actor });
        return { ok: true, changed };
      } catch (error) {
        // The permission was withdrawn between the check above and the transaction.
        if (error instanceof DomainError && error.code === "permission_denied") forbidden();
        throw error;
      }
    },
  );
}
