import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { isRole } from "@/lib/auth/roles";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import type { LoginErrorCode } from "@/lib/auth/login-errors";

/** next-auth hands `authorize` the request headers as a plain record. */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  return clientIpFromHeaders({ get: (name) => [headers?.[name]].flat()[0] ?? null });
}

// The messages the login form shows for these codes live in a client-safe module.

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      // otp: a TOTP or recovery code, sent only after the server answered otp_required.
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, otp: { label: "Code", type: "text" } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) throw new Error("invalid_credentials" satisfies LoginErrorCode);
        const otp = typeof credentials?.otp === "string" ? credentials.otp : null;
        const result = await authenticate(email, password, clientIp(req?.headers), otp);
        // next-auth passes the error message to the client; codes keep it free of details.
        if (!result.ok) throw new Error(result.code satisfies LoginErrorCode);
        const { id, email: userEmail, name, role, sessionVersion, mfa } = result.user;
        return { id: String(id), email: userEmail, name, role, sessionVersion, mfa };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // Fixed for the session's life: enrolling bumps session_version, so this session ends
        // and the next sign-in (with a code) starts without the flag.
        const mfa = (user as { mfa?: string | null }).mfa;
        if (mfa === "setup_required") token.mfa = mfa;
      }
      return token;
    },
    async session({ session, token }) {
      if (typeof token.uid === "number" && isRole(token.role)) {
        session.user = {
          ...session.user,
          id: token.uid,
          role: token.role,
          sessionVersion: typeof token.sv === "number" ? token.sv : 0,
          ...(token.mfa === "setup_required" ? { mfa: token.mfa } : {}),
        };
      }
      return session;
    },
  },
};
