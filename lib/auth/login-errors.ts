/**
 * What the sign-in form shows for each error code that `authorize` throws. Client-safe (no
 * server imports) so the login form and the auth options share one source. The messages never
 * say whether the email exists.
 */
export const LOGIN_ERRORS = {
  invalid_credentials: "Invalid email or password.",
  too_many_attempts: "Too many failed attempts. Try again later.",
} as const;

export type LoginErrorCode = keyof typeof LOGIN_ERRORS;

export function isLoginErrorCode(value: unknown): value is LoginErrorCode {
  return typeof value === "string" && Object.hasOwn(LOGIN_ERRORS, value);
}

/** The message for an error returned by `signIn`; anything unexpected reads as bad credentials. */
export function loginErrorMessage(code: string | null | undefined): string {
  return isLoginErrorCode(code) ? LOGIN_ERRORS[code] : LOGIN_ERRORS.invalid_credentials;
}
