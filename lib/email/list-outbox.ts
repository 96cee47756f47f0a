import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { liveBody } from "./sealed-secret";
import { emailDeliveryConfigured } from "./transport";

async function assertAdmin(userId: number): Promise<void> {
  const admin = await prisma.user.findFirst({ where: { id: userId, isActive: true, role: { name: "admin" } }, select: { id: true } });
  if (!admin) throw new DomainError("admin_only", "Only admins can read the mail outbox.");
}

// Never sealedSecret: the outbox shows reset and invitation links as ?token=[redacted], so
// reading it gives no admin a way into another account (sealed-secret.ts, send-queued-emails.ts).
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

/**
 * Only in development (`next dev`) against a database on this machine (the embedded demo one),
 * with no mail provider: emails are never sent there, so the outbox is where a developer finds
 * reset and invitation links.
 */
export function outboxShowsLiveLinks(): boolean {
  if (process.env.NODE_ENV !== "development" || emailDeliveryConfigured()) return false;
  try {
    return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(process.env.DATABASE_URL ?? "").hostname);
  } catch {
    return false;
  }
}

/**
 * The text of a stored (never sent) email with its live link, for an active admin, in
 * development only (outboxShowsLiveLinks); null everywhere else and for emails without a link.
 */
export async function getDevelopmentLiveText(adminUserId: number, id: bigint): Promise<string | null> {
  if (!outboxShowsLiveLinks()) return null;
  await assertAdmin(adminUserId);
  const email = await prisma.emailOutbox.findUnique({ where: { id }, select: { to: true, text: true, status: true, sealedSecret: true } });
  if (!email?.sealedSecret || email.status !== "stored") return null;
  return liveBody(email.text, email);
}
