"use server";

import { resetPassword } from "@/lib/auth/password-reset";
import { newPasswordSchema } from "@/lib/auth/password-schema";
import { newPasswordFormInput } from "@/lib/auth/set-password-action";
import { runAction, type ActionResult } from "@/lib/web/action";

/** A reset link's new password (the form's state is the previous answer; null before the first). */
export async function resetPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction({ role: "anyone", schema: newPasswordSchema }, newPasswordFormInput(formData), async ({ input, actor }) => {
    await resetPassword({ ...input, ip: actor.ip, userAgent: actor.userAgent });
    return { ok: true };
  });
}
