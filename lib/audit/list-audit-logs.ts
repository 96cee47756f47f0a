import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { beyondTimeCursor, clampLimit, decodeTimeCursor, encodeTimeCursor, toPage, type Page } from "@/lib/pagination/keyset";

export interface AuditLogRow {
  id: bigint;
  createdAt: Date;
  actorType: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  oldValues: Prisma.JsonValue;
  newValues: Prisma.JsonValue;
  ip: string | null;
  /** The request-id of the request that wrote it (search the logs for it). */
  requestId: string | null;
}

/** The viewer's filters, as they arrive in the URL. Dates are UTC days (YYYY-MM-DD), both inclusive. */
export const auditFiltersSchema = z.object({
  actor: z.email().max(254).optional().catch(undefined),
  action: z.string().trim().min(1).max(64).optional().catch(undefined),
  entityType: z.string().trim().min(1).max(64).optional().catch(undefined),
  entityId: z.string().trim().min(1).max(64).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  cursor: z.string().max(100).optional().catch(undefined),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

const DAY_MS = 24 * 3600 * 1000;

/**
 * The audit log newest first — keyset over (created_at desc, id desc), so page 500 costs what
 * page 1 does — filtered by who acted (email), action, entity type/id and a UTC date range;
 * each filter is served by an audit_logs index. For an active admin.
 */
export async function listAuditLogs(adminUserId: number, filters: AuditFilters, limit?: number): Promise<Page<AuditLogRow>> {
  await assertAdmin(prisma, { userId: adminUserId });
  const take = clampLimit(limit);
  const cursor = decodeTimeCursor(filters.cursor, "bigint");
  const actor = filters.actor ? await prisma.user.findUnique({ where: { email: filters.actor.toLowerCase() }, select: { id: true } }) : undefined;
  if (actor === null) return { rows: [], nextCursor: null };

  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) createdAt.lt = new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS);
  const where: Prisma.AuditLogWhereInput = {
    ...(actor ? { userId: actor.id } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
    ...(cursor ? beyondTimeCursor(cursor, "createdAt") : {}),
  };
  const logs = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      createdAt: true,
      actorType: true,
      action: true,
      entityType: true,
      entityId: true,
      oldValues: true,
      newValues: true,
      ip: true,
      requestId: true,
      user: { select: { email: true } },
    },
  });
  const rows = logs.map(({ user, ...log }): AuditLogRow => ({ ...log, actorEmail: user?.email ?? null }));
  return toPage(rows, take, (row) => encodeTimeCursor({ at: row.createdAt, id: row.id }));
}

/** The actions and entity types the log holds, for the filter pickers. */
export async function listAuditVocabulary(adminUserId: number): Promise<{ actions: string[]; entityTypes: string[] }> {
  await assertAdmin(prisma, { userId: adminUserId });
  // Loose index scans over the (action, created_at) and (entity_type, entity_id) indexes: one
  // probe per distinct value instead of reading every row.
  const [actions, entityTypes] = await Promise.all([
    prisma.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT action AS value FROM audit_logs ORDER BY action LIMIT 1)
        UNION ALL
        SELECT (SELECT action FROM audit_logs WHERE action > v.value ORDER BY action LIMIT 1) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL`,
    prisma.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT entity_type AS value FROM audit_logs ORDER BY entity_type LIMIT 1)
        UNION ALL
        SELECT (SELECT entity_type FROM audit_logs WHERE entity_type > v.value ORDER BY entity_type LIMIT 1) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL`,
  ]);
  return { actions: actions.map((r) => r.value), entityTypes: entityTypes.map((r) => r.value) };
}
