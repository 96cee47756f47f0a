import "server-only";
import { z } from "zod";
import type { Db } from "./db";
import { renderEmail, type EmailTemplate, type EmailTemplateData } from "./templates";

const recipient = z.email().max(254);

export interface EnqueueEmailInput<T extends EmailTemplate> {
  to: string;
  template: T;
  data: EmailTemplateData<T>;
  /** An email with the same key is never written twice (the second call returns null). */
  dedupeKey?: string;
  now?: Date;
}

/**
 * Renders the template and writes the email to the outbox as `queued`, in `db` — pass the
 * transaction of the change the email reports, so it exists exactly when that change does.
 * Sending happens later (sendQueuedEmails / sendEmail); after the transaction commits, call
 * `notifyEmailsQueued` so an Inngest run can send it at once. Returns the row id, or null when
 * `dedupeKey` was already used.
 */
export async function enqueueEmail<T extends EmailTemplate>(db: Db, input: EnqueueEmailInput<T>): Promise<bigint | null> {
  const to = recipient.parse(input.to.trim());
  const email = renderEmail(input.template, input.data);
  const now = input.now ?? new Date();
  // Raw SQL for ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO email_outbox ("to", subject, template, html, text, dedupe_key, created_at, next_attempt_at)
    VALUES (${to}, ${email.subject.slice(0, 255)}, ${input.template}, ${email.html}, ${email.text}, ${input.dedupeKey ?? null}, ${now}, ${now})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}
