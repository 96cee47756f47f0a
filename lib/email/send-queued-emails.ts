import "server-only";
import { prisma } from "@/lib/db/client";
import { liveBody, unredact, unsealSecret } from "./sealed-secret";
import { deliverViaResend, emailDeliveryConfigured, type DeliveryResult, type OutgoingEmail } from "./transport";

/** Attempts before an email is given up (status failed). */
export const MAX_EMAIL_ATTEMPTS = 5;
/** Wait after the n-th failed attempt before the next one. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
/** How long a claimed row stays reserved for its sender; longer than a send can take. */
const LEASE_MS = 60_000;

export type SendOutcome = "sent" | "stored" | "retry" | "failed";
export type SendSummary = Record<SendOutcome, number>;

interface Claimed extends OutgoingEmail {
  attempts: number;
  lockedUntil: Date;
  /** The email's credential, sealed; the stored bodies hold "[redacted]" in its place. */
  sealedSecret: string | null;
}

/**
 * Claims the next due queued email (or the one with `id`) for this sender: one statement that
 * skips rows another sender has locked (SKIP LOCKED) or leased (locked_until in the future),
 * counts the attempt and sets the lease. Two senders never get the same row; a sender that
 * dies leaves a lease that expires. Claiming one row at a time keeps every lease fresh however
 * long the batch takes.
 */
async function claimDueEmail(now: Date, id?: bigint): Promise<Claimed | undefined> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE email_outbox SET attempts = attempts + 1, locked_until = ${lease}, last_attempt_at = ${now}
    WHERE id = (
      SELECT id FROM email_outbox
      WHERE status = 'queued' AND next_attempt_at <= ${now} AND (locked_until IS NULL OR locked_until <= ${now})
        AND (${id ?? null}::bigint IS NULL OR id = ${id ?? null}::bigint)
      ORDER BY next_attempt_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, html, text, attempts, locked_until AS "lockedUntil", sealed_secret AS "sealedSecret"`;
  return rows[0];
}

/**
 * Without a provider key nothing is sent: due queued emails become `stored` for admins to read
 * (with their links redacted). In development (`next dev`) the live link of each is printed on
 * the server console, so a developer can follow reset and invitation links without a provider.
 */
async function storeDueEmails(now: Date, limit: number, id?: bigint): Promise<number> {
  const stored = await prisma.$queryRaw<{ id: bigint; to: string; text: string; sealedSecret: string | null }[]>`
    UPDATE email_outbox SET status = 'stored', locked_until = NULL
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status = 'queued' AND next_attempt_at <= ${now} AND (locked_until IS NULL OR locked_until <= ${now})
        AND (${id ?? null}::bigint IS NULL OR id = ${id ?? null}::bigint)
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", text, sealed_secret AS "sealedSecret"`;
  if (process.env.NODE_ENV === "development") {
    for (const email of stored) {
      if (!email.sealedSecret) continue;
      let links: string[];
      try {
        links = liveBody(email.text, email).match(/https?:\/\/\S+token=\S+/g) ?? [];
      } catch {
        links = ["(the link could not be unsealed: NEXTAUTH_SECRET changed?)"];
      }
      console.info(`[email] not sent (no RESEND_API_KEY): #${email.id} to ${email.to}: ${links.join(" ")}`);
    }
  }
  return stored.length;
}

/** Writes the result, only while this sender still holds the lease (a late answer changes nothing). */
async function recordResult(email: Claimed, result: DeliveryResult, now: Date): Promise<SendOutcome> {
  const mine = { id: email.id, status: "queued" as const, lockedUntil: email.lockedUntil };
  if (result.ok) {
    await prisma.emailOutbox.updateMany({
      where: mine,
      data: { status: "sent", providerId: result.providerId, sentAt: now, lockedUntil: null, lastError: null, sealedSecret: null },
    });
    return "sent";
  }
  const giveUp = !result.retryable || email.attempts >= MAX_EMAIL_ATTEMPTS;
  const delay = RETRY_DELAYS_MS[Math.min(email.attempts, RETRY_DELAYS_MS.length) - 1];
  await prisma.emailOutbox.updateMany({
    where: mine,
    data: giveUp
      ? { status: "failed", lockedUntil: null, lastError: result.error, sealedSecret: null }
      : { nextAttemptAt: new Date(now.getTime() + delay), lockedUntil: null, lastError: result.error },
  });
  return giveUp ? "failed" : "retry";
}

/**
 * The email as it goes out: with its credential unsealed and put back into the bodies. The
 * live link exists only here, in memory, for the one request to the provider.
 */
function withLiveLink(email: Claimed): OutgoingEmail {
  const { id, to, subject, html, text } = email;
  if (!email.sealedSecret) return { id, to, subject, html, text };
  const secret = unsealSecret(email.sealedSecret, to);
  return { id, to, subject: unredact(subject, secret), html: unredact(html, secret), text: unredact(text, secret) };
}

async function sendClaimed(email: Claimed, now: Date): Promise<SendOutcome> {
  let outgoing: OutgoingEmail;
  try {
    outgoing = withLiveLink(email);
  } catch {
    // Sealed under another NEXTAUTH_SECRET (rotated since) or altered: it can never be sent.
    const error = "The email's link could not be unsealed (NEXTAUTH_SECRET changed since it was queued?).";
    return recordResult(email, { ok: false, retryable: false, error }, now);
  }
  let result: DeliveryResult;
  try {
    result = await deliverViaResend(outgoing);
  } catch (error) {
    result = { ok: false, retryable: true, error: String(error).slice(0, 1000) };
  }
  return recordResult(email, result, now);
}

/**
 * Sends up to `limit` due queued emails, one after another (providers rate-limit bursts);
 * without RESEND_API_KEY marks them `stored` instead. Failures are retried later with backoff
 * and given up after MAX_EMAIL_ATTEMPTS (or at once when the provider refuses the email).
 */
export async function sendQueuedEmails(options: { limit?: number; now?: Date } = {}): Promise<SendSummary> {
  const limit = options.limit ?? 50;
  const summary: SendSummary = { sent: 0, stored: 0, retry: 0, failed: 0 };
  if (!emailDeliveryConfigured()) {
    summary.stored = await storeDueEmails(options.now ?? new Date(), limit);
    return summary;
  }
  for (let sent = 0; sent < limit; sent++) {
    const at = options.now ?? new Date();
    const email = await claimDueEmail(at);
    if (!email) break;
    summary[await sendClaimed(email, at)] += 1;
  }
  return summary;
}

/**
 * Sends one email now if it is queued and due; "skipped" when it is not (already sent, stored,
 * backing off, or being sent by another sender).
 */
export async function sendEmail(id: bigint, options: { now?: Date } = {}): Promise<SendOutcome | "skipped"> {
  const now = options.now ?? new Date();
  if (!emailDeliveryConfigured()) return (await storeDueEmails(now, 1, id)) ? "stored" : "skipped";
  const email = await claimDueEmail(now, id);
  return email ? sendClaimed(email, now) : "skipped";
}
