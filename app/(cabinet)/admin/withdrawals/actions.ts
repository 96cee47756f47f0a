"use server";

import { z } from "zod";
import { approveWithdrawal } from "@/lib/withdrawals/approve-withdrawal";
import { rejectWithdrawal } from "@/lib/withdrawals/reject-withdrawal";
import type { ActionResult } from "@/components/admin/action-result";
import { parseActionInput, runAdminAction } from "../admin-action";

const decisionSchema = z.object({
  id: z.number().int().positive(),
  decision: z.enum(["approve", "reject"]),
  note: z.string().max(1000).optional(),
});

/** Approves (pays out the held amount) or rejects (returns it to the store) a pending withdrawal. */
export async function decideWithdrawalAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/withdrawals", "withdrawals.approve", async (context) => {
    const { id, decision, note } = parseActionInput(decisionSchema, input, context);
    if (decision === "approve") {
      await approveWithdrawal(id, context.actor, note);
      return context.t("admin.withdrawals.approved", { id });
    }
    await rejectWithdrawal(id, context.actor, note ?? "");
    return context.t("admin.withdrawals.rejected", { id });
  });
}
