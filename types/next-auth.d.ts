import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; email?: string | null; name?: string | null; sessionVersion?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: string;
    /** The user's session_version at sign-in (lib/web/session.ts compares it on every request). */
    sv?: number;
  }
}
