import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentRequestId } from "@/lib/observability/request-context";

export interface Actor {
  /** user (a cabinet session), merchant_api, trader_api, customer (the payment page), system */
  type: "user" | "merchant_api" | "trader_api" | "customer" | "system";
  /** A cabinet user's role: decides the party the order lifecycle sees (lib/orders/lifecycle.ts). */
  role?: "admin" | "merchant" | "trader" | "teamlead" | "support";
  userId?: number | null;
  ip?: string | null;
  userAgent?: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: "system" };

/** Converts BigInts (money) to strings so values fit in jsonb. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  oldValues?: unknown;
  newValues?: unknown;
}

const jsonOrNull = (value: unknown) => (value === undefined ? null : JSON.stringify(toJson(value)));

/**
 * The INSERT of one audit row as an SQL fragment, so that a caller can write it in the same
 * statement as the change it records (see transitionOrder). Inside a request the row carries
 * its request id, which leads to the request's log lines.
 */
export function auditInsertSql(actor: Actor, entry: AuditEntry): Prisma.Sql {
  return auditRowsInsertSql([[actor, entry]]);
}

/** The INSERT of several audit rows, in this order (their ids follow it), as one SQL fragment. */
export function auditRowsInsertSql(rows: [Actor, AuditEntry][]): Prisma.Sql {
  const values = rows.map(
    ([actor, entry]) => Prisma.sql`(${actor.userId ?? null}::int, ${actor.type}, ${entry.action}, ${entry.entityType}, ${String(entry.entityId)},
            ${jsonOrNull(entry.oldValues)}::jsonb, ${jsonOrNull(entry.newValues)}::jsonb,
            ${actor.ip?.slice(0, 64) ?? null}, ${actor.userAgent?.slice(0, 512) ?? null}, ${currentRequestId()})`,
  );
  return Prisma.sql`
    INSERT INTO audit_logs (user_id, actor_type, action, entity_type, entity_id, old_values, new_values, ip, user_agent, request_id)
    VALUES ${Prisma.join(values)}`;
}

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw(auditInsertSql(actor, entry));
}
