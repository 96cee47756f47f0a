"use server";

import { z } from "zod";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { runAction, type ActionResult } from "@/lib/web/action";

const forgotPasswordSchema = z.object({ email: z.email("Enter the email address of your account.").max(254) });

/** Emails a reset link if the address has an account (the answer is the same either way); the form's state is the previous answer. */
export async function requestPasswordResetAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction({ role: "anyone", schema: forgotPasswordSchema }, { email: String(formData.get("email") ?? "").trim() }, async ({ input, actor }) => {
    const result = await requestPasswordReset({ email: input.email, ip: actor.ip });
    if (!result.ok) return { ok: false, message: `Too many requests. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.` };
    return { ok: true };
  });
}
