import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import { maskRequisiteNumber, readRequisiteDetails } from "@/lib/requisites/requisite-details";

/** A requisite as the block/unblock controls show it: what it is (number masked) and whether and why it is blocked. */
export interface RequisiteBlockRow {
  id: number;
  traderId: number;
  type: string;
  bankName: string | null;
  /** Only the last four characters: enough to tell the trader's cards apart. */
  maskedNumber: string;
  status: RequisiteStatus;
  blockedReason: string | null;
}

/**
 * The requisites of some traders (the admin's traders page) or some requisites by id (the
 * order support is looking at), oldest first. Only an active support user or admin reads them.
 */
export async function listRequisiteBlocks(viewerUserId: number, filter: { traderIds: number[] } | { requisiteIds: number[] }): Promise<RequisiteBlockRow[]> {
  const viewer = await prisma.user.findFirst({ where: { id: viewerUserId, isActive: true, role: { name: { in: ["support", "admin"] } } }, select: { id: true } });
  if (!viewer) throw new DomainError("permission_denied", "Only support and admins see requisites across traders.");
  const ids = "traderIds" in filter ? filter.traderIds : filter.requisiteIds;
  if (ids.length === 0) return [];
  const where = "traderIds" in filter ? { traderId: { in: ids } } : { id: { in: ids } };
  const rows = await prisma.reqTrader.findMany({
    where,
    orderBy: { id: "asc" },
    select: { id: true, traderId: true, type: true, details: true, status: true, blockedReason: true, bank: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    traderId: row.traderId,
    type: row.type,
    bankName: row.bank?.name ?? null,
    maskedNumber: maskRequisiteNumber(readRequisiteDetails(row.details).number),
    status: row.status,
    blockedReason: row.blockedReason,
  }));
}
