import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/audit/record-audit";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import type { Role } from "@/lib/auth/roles";
import type { CurrentUser } from "./session";

/** Where a request comes from: the caller's address (as the proxy reports it) and browser. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** A signed-in user acting from a cabinet, as their changes are audited. */
export type UserActor<R extends Role = Role> = Actor & RequestOrigin & { type: "user"; role: R; userId: number };

/** The current request's origin, read from its headers. */
export async function requestOrigin(): Promise<RequestOrigin> {
  const requestHeaders = await headers();
  return { ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") };
}

/** The one way a cabinet builds who acts: the signed-in user, their role, and the request's origin. */
export async function requestActor<R extends Role>(user: CurrentUser<R>): Promise<UserActor<R>> {
  return { type: "user", role: user.role as R, userId: user.id, ...(await requestOrigin()) };
}
