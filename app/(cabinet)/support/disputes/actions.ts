"use server";

import { z } from "zod";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import { resolveDispute } from "@/lib/disputes/resolve-dispute";
import { runAction, type ActionResult } from "@/lib/web/action";

const resolveInputSchema = z.object({
  disputeId: z.number().int().positive().max(2_147_483_647),
  outcome: z.enum(["completed", "cancelled"]),
  note: z.string().trim().min(1, { error: "support.resolve.errors.noteRequired" }).max(DISPUTE_TEXT_MAX, { error: "support.resolve.errors.noteTooLong" }),
});

/**
 * Support resolves a dispute (a public endpoint like any server action): the role and the
 * disputes.resolve permission are checked here (403 otherwise) and the resolver again by
 * resolveDispute; the note's limits come back as its field error. Resolution itself is one
 * transaction in lib/disputes. The queue, the dispute and its order page all show the outcome.
 */
export async function resolveDisputeAction(input: unknown): Promise<ActionResult<{ outcome: "completed" | "cancelled" }>> {
  return runAction(
    {
      role: "support",
      permission: "disputes.resolve",
      schema: resolveInputSchema,
      errors: "dispute",
      fallback: "support.resolve.errors.failed",
      revalidate: { path: "/support", type: "layout" },
    },
    input,
    async ({ input: { disputeId, outcome, note }, actor }) => {
      await resolveDispute({ disputeId, outcome, note, actor });
      return { ok: true, outcome };
    },
  );
}
