import type { NewPasswordInput } from "./password-schema";

/**
 * What the "choose a password" forms (reset link, invitation) send, as newPasswordSchema checks
 * it. Their server actions check it with that one schema (bad input answers field errors), then
 * apply resetPassword or acceptInvitation, whose dead-link refusal names the token.
 */
export function newPasswordFormInput(formData: FormData): Record<keyof NewPasswordInput, string> {
  return {
    token: String(formData.get("token") ?? ""),
    password: String(formData.get("password") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
}
