import "server-only";
import { z } from "zod";
import type { Db } from "./db";
import { redact, sealSecret } from "./sealed-secret";
import { renderEmail, type EmailTemplate, type EmailTemplateData } from "./templates";

const recipient = z.email().max(254);

export interface EnqueueEmailInput<T extends EmailTemplate> {
  to: string;
  template: T;
  data: EmailTemplateData<T>;
  /** An email with the same key is never written twice (the second call returns null). */
  dedupeKey?: string;
  /**
   * A credential the rendered email carries (the token of a reset or invitation link). The
   * outbox never stores it readable: html and text keep "[redacted]" in its place and the
   * token itself is sealed (lib/email/sealed-secret.ts) in sealed_secret, which only the
   * sender opens, at send time.
   */
  secret?: string;
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
  const rendered = renderEmail(input.template, input.data);
  const { secret } = input;
  if (secret !== undefined && secret.length < 16) throw new Error("An email secret must be a real credential (16+ characters).");
  const email = secret ? { subject: redact(rendered.subject, secret), html: redact(rendered.html, secret), text: redact(rendered.text, secret) } : rendered;
  const sealed = secret ? sealSecret(secret, to) : null;
  const now = input.now ?? new Date();
  // Raw SQL for ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO email_outbox ("to", subject, template, html, text, sealed_secret, dedupe_key, created_at, next_attempt_at)
    VALUES (${to}, ${email.subject.slice(0, 255)}, ${input.template}, ${email.html}, ${email.text}, ${sealed}, ${input.dedupeKey ?? null}, ${now}, ${now})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}
