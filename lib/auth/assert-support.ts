import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Support reads every store's orders, so each support query checks its caller itself (an
 * active user with the support role) instead of trusting that a page checked the session.
 */
export async function assertSupportUser(userId: number): Promise<void> {
  const support = await prisma.support.findFirst({
    where: { userId, user: { isActive: true, role: { name: "support" } } },
    select: { id: true },
  });
  if (!support) throw new DomainError("support_only", "Only support can read orders across stores.");
}
