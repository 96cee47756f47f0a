"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/web/session";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { DomainError } from "@/lib/errors/domain-error";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import { resolveDispute } from "@/lib/disputes/resolve-dispute";

const resolveInputSchema = z.object({
  disputeId: z.number().int().positive().max(2_147_483_647),
  outcome: z.enum(["completed", "cancelled"]),
  note: z.string().max(DISPUTE_TEXT_MAX * 2),
});

export type ResolveDisputeError = "noteRequired" | "noteTooLong" | "alreadyResolved" | "forbidden" | "depositInsufficient" | "failed";
export type ResolveDisputeResult = { ok: true; outcome: "completed" | "cancelled" } | { ok: false; error: ResolveDisputeError; field?: "note" };

const ERRORS: Record<string, ResolveDisputeError> = {
  dispute_resolved: "alreadyResolved",
  support_only: "forbidden",
  // A late-paid pay-in no longer holds the trader's USDT, and their deposit cannot cover it again.
  trader_deposit_insufficient: "depositInsufficient",
};

/**
 * Support resolves a dispute (a public endpoint like any server action): the role and the
 * disputes.resolve permission are checked here (403 otherwise) and the resolver again by
 * resolveDispute; the input is validated with zod and the note limits come back as field
 * errors. Resolution itself is one transaction in lib/disputes.
 */
export async function resolveDisputeAction(input: unknown): Promise<ResolveDisputeResult> {
  const user = await requirePermission("support", "disputes.resolve");
  const parsed = resolveInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "failed" };
  const { disputeId, outcome } = parsed.data;
  const note = parsed.data.note.trim();
  if (!note) return { ok: false, error: "noteRequired", field: "note" };
  if (note.length > DISPUTE_TEXT_MAX) return { ok: false, error: "noteTooLong", field: "note" };

  const requestHeaders = await headers();
  try {
    await resolveDispute({
      disputeId,
      outcome,
      note,
      actor: { type: "user", userId: user.id, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") },
    });
    // The queue, the dispute and its order page all show the outcome.
    revalidatePath("/support", "layout");
    return { ok: true, outcome };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "invalid_value") return { ok: false, error: "noteRequired", field: "note" };
    return { ok: false, error: ERRORS[error.code] ?? "failed" };
  }
}
