import { expect } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { createAdmin } from "@/lib/testing";

/** A fresh active admin and the actor a server action would pass for them. */
export async function adminActor(): Promise<Actor & { userId: number }> {
  const { user } = await createAdmin(prisma);
  return { type: "user", userId: user.id, ip: "192.0.2.10", userAgent: "vitest" };
}

export async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

/** The audit rows written about one entity, oldest first. */
export function auditRows(entityType: string, entityId: string | number) {
  return prisma.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });
}
