// Assertions shared by the Vitest files (test-only: imports vitest and the shared client, so it
// is not re-exported from lib/testing/index.ts, which the seed and the simulator load).
import { expect } from "vitest";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Awaits `promise`, expects it to reject with a DomainError whose `.code` is `code`, and returns
 * the error for further checks (kind, param, message, a subclass's fields):
 *
 *     await expectDomainError(openStore(input, admin), "invalid_value");
 *     expect((await expectDomainError(updateStore(input, admin), "invalid_value")).param).toBe("limits");
 */
export async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) expect.fail(`expected a DomainError "${code}", but the promise resolved to ${preview(outcome.value)}`);
  const { error } = outcome;
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The audit rows written about one entity, oldest first. */
export function auditRows(entityType: string, entityId: string | number) {
  return prisma.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });
}
