import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface Actor {
  /** user, merchant_api, trader_api, system */
  type: "user" | "merchant_api" | "trader_api" | "system";
  userId?: number | null;
  ip?: string | null;
  userAgent?: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: "system" };

/** Converts BigInts (money) to strings so values fit in jsonb. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string | number; oldValues?: unknown; newValues?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: actor.userId ?? null,
      actorType: actor.type,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      oldValues: entry.oldValues === undefined ? undefined : toJson(entry.oldValues),
      newValues: entry.newValues === undefined ? undefined : toJson(entry.newValues),
      ip: actor.ip?.slice(0, 64) ?? null,
      userAgent: actor.userAgent?.slice(0, 512) ?? null,
    },
  });
}
