/**
 * The error codes `authorize` throws and the message key the sign-in form shows for each.
 * Client-safe (no server imports) so the login form and the auth options share one source.
 * The messages never say whether the email exists.
 */
export const LOGIN_ERRORS = {
  invalid_credentials: "auth.errors.invalid_credentials",
  too_many_attempts: "auth.errors.too_many_attempts",
  /** The password was right; the account has two-factor sign-in: the form asks for a code and sends everything again. */
  otp_required: "auth.errors.otp_required",
  invalid_otp: "auth.errors.invalid_otp",
} as const;

export type LoginErrorCode = keyof typeof LOGIN_ERRORS;

export function isLoginErrorCode(value: unknown): value is LoginErrorCode {
  return typeof value === "string" && Object.hasOwn(LOGIN_ERRORS, value);
}

/** The message key for an error returned by `signIn`; anything unexpected reads as bad credentials. */
export function loginErrorKey(code: string | null | undefined) {
  return isLoginErrorCode(code) ? LOGIN_ERRORS[code] : LOGIN_ERRORS.invalid_credentials;
}
