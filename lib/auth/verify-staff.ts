import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { effectivePermissions, type PermissionOf } from "./permissions";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Support and admins act only through the functions that check who they are (resolving a
 * dispute, forcing an order, blocking a requisite): an actor merely labelled `role: "support"`
 * is no party of the order lifecycle. verifyStaff reads the user under the caller's transaction
 * and marks the actor with a symbol no other module can forge; partyOf (lib/orders/party-of.ts)
 * grants the support or admin party only to a marked actor.
 */
const VERIFIED = Symbol("staff verified in this transaction");

export type StaffRole = "support" | "admin";
type VerifiedStaff = Actor & { role: StaffRole; [VERIFIED]: true };

export function isVerifiedStaff(actor: Actor): boolean {
  return (actor as Actor & { [VERIFIED]?: boolean })[VERIFIED] === true;
}

/**
 * The actor as a verified support user or admin: active, of that role, holding the permission
 * named for the role (a role left out of `allowed` never qualifies). Otherwise `refusal`.
 */
export async function verifyStaff(
  tx: Tx,
  actor: Actor,
  allowed: { support?: PermissionOf<"support">; admin?: PermissionOf<"admin"> },
  refusal: DomainError,
): Promise<VerifiedStaff> {
  const user = actor.userId
    ? await tx.user.findUnique({
        where: { id: actor.userId },
        select: { isActive: true, role: { select: { name: true } }, support: { select: { grantedPermissions: true } }, admin: { select: { grantedPermissions: true } } },
      })
    : null;
  const role = user?.isActive ? user.role.name : null;
  if (role === "support" && allowed.support && user?.support && effectivePermissions("support", user.support.grantedPermissions)[allowed.support]) {
    return { ...actor, role, [VERIFIED]: true };
  }
  if (role === "admin" && allowed.admin && user?.admin && effectivePermissions("admin", user.admin.grantedPermissions)[allowed.admin]) {
    return { ...actor, role, [VERIFIED]: true };
  }
  throw refusal;
}
