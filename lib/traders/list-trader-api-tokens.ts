import "server-only";
import { prisma } from "@/lib/db/client";

export interface TraderApiTokenRow {
  id: number;
  name: string;
  /** The first characters of the token, to tell tokens apart; the rest is never stored. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The trader's tokens, newest first (revoked ones too, so the trader sees what was revoked when). */
export async function listTraderApiTokens(traderId: number): Promise<TraderApiTokenRow[]> {
  const rows = await prisma.traderApiToken.findMany({
    where: { traderId },
    orderBy: { id: "desc" },
    select: { id: true, name: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}
