import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { EmailStatus } from "@/lib/generated/prisma/client";

async function assertAdmin(userId: number): Promise<void> {
  const admin = await prisma.user.findFirst({ where: { id: userId, isActive: true, role: { name: "admin" } }, select: { id: true } });
  if (!admin) throw new DomainError("admin_only", "Only admins can read the mail outbox.");
}

const SUMMARY = { id: true, to: true, subject: true, template: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true } as const;

export const OUTBOX_PAGE_SIZE = 100;

/** The newest emails (optionally of one status), for an active admin. */
export async function listOutboxEmails(adminUserId: number, options: { status?: EmailStatus } = {}) {
  await assertAdmin(adminUserId);
  return prisma.emailOutbox.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE,
    select: SUMMARY,
  });
}

export type OutboxEmailRow = Awaited<ReturnType<typeof listOutboxEmails>>[number];

/** One email with its bodies, for an active admin; null when there is no such email. */
export async function getOutboxEmail(adminUserId: number, id: bigint) {
  await assertAdmin(adminUserId);
  return prisma.emailOutbox.findUnique({ where: { id }, select: { ...SUMMARY, html: true, text: true, providerId: true, nextAttemptAt: true } });
}
