import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    /** mfa "setup_required": the role must have 2FA and the user has none yet (lib/web/session.ts). */
    user: { id: number; role: Role; email?: string | null; name?: string | null; sessionVersion?: number; mfa?: "setup_required" };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: string;
    /** The user's session_version at sign-in (lib/web/session.ts compares it on every request). */
    sv?: number;
    /** Set at sign-in when the user must enrol in 2FA before using the cabinet. */
    mfa?: "setup_required";
  }
}
