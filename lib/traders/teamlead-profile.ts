import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

/** The teamlead profile of an active teamlead user: the team every teamlead query is scoped to. */
export async function teamleadProfileId(userId: number): Promise<number> {
  const profile = await prisma.teamlead.findFirst({
    where: { userId, user: { isActive: true, role: { name: "teamlead" } } },
    select: { id: true },
  });
  if (!profile) throw new DomainError("teamlead_only");
  return profile.id;
}
