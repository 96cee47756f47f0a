import "server-only";
import { prisma } from "@/lib/db/client";
import { readSettings } from "@/lib/settings/read-settings";

/** Rows deleted per statement: each DELETE holds its row locks only briefly. */
export const RETENTION_BATCH = 5000;
/** Statements per table and run: a backlog is worked off over several runs, never in one long one. */
const MAX_BATCHES = 20;
/** Rate-limit windows are one minute; a bucket is dead once its window is over. Kept a while for inspection. */
const RATE_LIMIT_BUCKET_KEEP_MS = 10 * 60_000;
/**
 * A claimed idempotency key without a response is in flight for seconds at most (a duplicate
 * waits 15 s, an abandoned claim is taken over after 60 s), so one as old as the retention is
 * a dead claim. Never less than this, whatever the setting says.
 */
const MIN_IDEMPOTENCY_KEEP_MS = 24 * 3_600_000;
/** The longest an emailed link works (invitations, lib/auth/tokens.ts): a sealed token older than this is useless. */
const SEALED_SECRET_KEEP_MS = 72 * 3_600_000;

export interface RetentionSummary {
  rateLimitBuckets: number;
  idempotencyKeys: number;
  emails: number;
  sealedSecretsCleared: number;
}

/** Runs `statement` (one bounded batch, returning rows affected) until a batch comes back short. */
async function inBatches(statement: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const n = await statement();
    total += n;
    if (n < RETENTION_BATCH) break;
  }
  return total;
}

/**
 * The retention sweep (every few minutes, lib/jobs/sweep-tasks.ts): deletes, in batches of
 * RETENTION_BATCH rows by ctid (no long lock, no long transaction),
 * - rate-limit buckets whose one-minute window ended more than 10 minutes ago;
 * - idempotency keys created more than `retention.idempotency_hours` ago (≥ 24 h): completed
 *   ones, and claims that never got a response (long dead). A key in flight is seconds old
 *   and never touched;
 * - sent, stored and failed emails queued more than `retention.mail_days` ago (queued ones
 *   stay, whatever their age);
 * and clears the sealed token of any email no longer queued and older than the longest link
 * lifetime (72 h): stored emails keep it until then (development shows their links).
 */
export async function sweepRetention(options: { now?: Date } = {}): Promise<RetentionSummary> {
  const now = options.now ?? new Date();
  const settings = await readSettings();
  const bucketsBefore = new Date(now.getTime() - RATE_LIMIT_BUCKET_KEEP_MS);
  const keysBefore = new Date(now.getTime() - Math.max(MIN_IDEMPOTENCY_KEEP_MS, settings["retention.idempotency_hours"] * 3_600_000));
  const mailBefore = new Date(now.getTime() - settings["retention.mail_days"] * 86_400_000);
  const sealedBefore = new Date(now.getTime() - SEALED_SECRET_KEEP_MS);

  const rateLimitBuckets = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM rate_limit_buckets WHERE ctid IN (
        SELECT ctid FROM rate_limit_buckets WHERE window_start < ${bucketsBefore} LIMIT ${RETENTION_BATCH})`,
  );
  const idempotencyKeys = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM idempotency_keys WHERE ctid IN (
        SELECT ctid FROM idempotency_keys WHERE created_at < ${keysBefore} LIMIT ${RETENTION_BATCH})`,
  );
  const emails = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM email_outbox WHERE ctid IN (
        SELECT ctid FROM email_outbox
        WHERE status IN ('sent', 'stored', 'failed') AND created_at < ${mailBefore}
        LIMIT ${RETENTION_BATCH})`,
  );
  const sealedSecretsCleared = await inBatches(
    () => prisma.$executeRaw`
      UPDATE email_outbox SET sealed_secret = NULL WHERE ctid IN (
        SELECT ctid FROM email_outbox
        WHERE sealed_secret IS NOT NULL AND status <> 'queued' AND created_at < ${sealedBefore}
        LIMIT ${RETENTION_BATCH})`,
  );
  return { rateLimitBuckets, idempotencyKeys, emails, sealedSecretsCleared };
}
