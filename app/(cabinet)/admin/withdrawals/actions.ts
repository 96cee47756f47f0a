"use server";

import { z } from "zod";
import { approveWithdrawal } from "@/lib/withdrawals/approve-withdrawal";
import { rejectWithdrawal } from "@/lib/withdrawals/reject-withdrawal";
import { runAction, type ActionResult } from "@/lib/web/action";

const decisionSchema = z.object({
  id: z.number().int().positive(),
  decision: z.enum(["approve", "reject"]),
  note: z.string().max(1000).optional(),
});

/** Approves (pays out the held amount) or rejects (returns it to the store) a pending withdrawal. */
export async function decideWithdrawalAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(
    { role: "admin", permission: "withdrawals.approve", schema: decisionSchema, revalidate: "/admin/withdrawals" },
    input,
    async ({ input: { id, decision, note }, actor, t }) => {
      if (decision === "approve") {
        await approveWithdrawal(id, actor, note);
        return { ok: true, message: t("admin.withdrawals.approved", { id }) };
      }
      await rejectWithdrawal(id, actor, note ?? "");
      return { ok: true, message: t("admin.withdrawals.rejected", { id }) };
    },
  );
}
