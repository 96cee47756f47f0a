import type { Role } from "./roles";

/**
 * Who must have two-factor sign-in (security.require_2fa_roles). Client-safe and pure: the
 * sign-in decides with it whether a session starts in "set up 2FA first" mode, and the
 * security page whether 2FA may be turned off.
 */
export function twoFactorRequiredFor(role: Role, requiredRoles: readonly string[]): boolean {
  return requiredRoles.includes(role);
}

/** What a new session carries: "setup_required" when the role must have 2FA and the user has none yet. */
export type MfaState = "setup_required" | null;

export function mfaStateAtSignIn(role: Role, totpEnabled: boolean, requiredRoles: readonly string[]): MfaState {
  return !totpEnabled && twoFactorRequiredFor(role, requiredRoles) ? "setup_required" : null;
}
