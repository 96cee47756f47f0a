"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment, type EnrolmentStart } from "@/lib/auth/two-factor";
import { runAction, type ActionResult } from "@/lib/web/action";
import { requestActor } from "@/lib/web/request-actor";

// Every role's own account: "anyone" with a signed-in check, so a session that must enrol in
// 2FA first (refused by role-bound actions) can enrol here. None revalidates: enabling,
// disabling and a new password end this session, and the page must keep showing the answer
// (the recovery codes) until the user signs in again.
const codeSchema = z.object({ code: z.string().trim().min(1).max(64) });

async function signedIn<U>(user: U | null): Promise<U> {
  if (!user) redirect("/login");
  return user;
}

export async function startTwoFactorAction(): Promise<ActionResult<EnrolmentStart>> {
  return runAction({ role: "anyone" }, undefined, async ({ user, t }) => {
    const me = await signedIn(user);
    const started = await startTwoFactorEnrolment(me.id);
    if (!started.ok) return { ok: false, message: t(`account.security.twoFactor.errors.${started.reason}`) };
    return { ok: true, ...started.enrolment };
  });
}

export async function confirmTwoFactorAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction({ role: "anyone", schema: codeSchema }, input, async ({ user, input: { code }, t }) => {
    const me = await signedIn(user);
    const confirmed = await confirmTwoFactorEnrolment(await requestActor(me), code);
    if (!confirmed.ok) {
      const message = t(`account.security.twoFactor.errors.${confirmed.reason}`);
      return { ok: false, message, fieldErrors: confirmed.reason === "invalid_code" ? { code: message } : undefined };
    }
    return { ok: true, recoveryCodes: confirmed.recoveryCodes };
  });
}

export async function disableTwoFactorAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ role: "anyone", schema: codeSchema }, input, async ({ user, input: { code }, t }) => {
    const me = await signedIn(user);
    const disabled = await disableTwoFactor(await requestActor(me), code);
    if (!disabled.ok) {
      const message = t(`account.security.twoFactor.errors.${disabled.reason}`);
      return { ok: false, message, fieldErrors: disabled.reason === "invalid_code" ? { code: message } : undefined };
    }
    return { ok: true, message: t("account.security.twoFactor.disabledDone") };
  });
}

export async function changePasswordAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ role: "anyone", schema: changePasswordSchema }, input, async ({ user, input, t }) => {
    const me = await signedIn(user);
    const changed = await changePassword(await requestActor(me), input);
    if (!changed.ok) {
      const message =
        changed.reason === "wrong_password" ? t("account.security.password.wrong") : t("account.security.password.tooMany", { seconds: changed.retryAfterSeconds ?? 1 });
      return { ok: false, message, fieldErrors: { currentPassword: message } };
    }
    return { ok: true, message: t("account.security.password.done") };
  });
}
