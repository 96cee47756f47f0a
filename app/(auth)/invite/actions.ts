"use server";

import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { newPasswordSchema } from "@/lib/auth/password-schema";
import { newPasswordFormInput } from "@/lib/auth/set-password-action";
import { runAction, type ActionResult } from "@/lib/web/action";

/** An invitee's first password, which activates the account (the form's state is the previous answer; null before the first). */
export async function acceptInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction({ role: "anyone", schema: newPasswordSchema }, newPasswordFormInput(formData), async ({ input, actor }) => {
    await acceptInvitation({ ...input, ip: actor.ip, userAgent: actor.userAgent });
    return { ok: true };
  });
}
