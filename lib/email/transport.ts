import "server-only";
import { Resend } from "resend";

/** Sender address when EMAIL_FROM is not set; the domain must be verified in Resend to send. */
export const DEFAULT_EMAIL_FROM = "JivaPay <no-reply@jivapay.local>";
const SEND_TIMEOUT_MS = 10_000;

export interface OutgoingEmail {
  id: bigint;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type DeliveryResult =
  | { ok: true; providerId: string }
  /** `retryable`: the provider may accept it later (network, 429, 5xx); otherwise it never will. */
  | { ok: false; retryable: boolean; error: string };

/** True when RESEND_API_KEY is set; without it emails are kept in the outbox as `stored`. */
export function emailDeliveryConfigured(): boolean {
  return Boolean(process.env.RESEND_API_KEY);
}

/**
 * Hands one email to Resend. The SDK reads RESEND_BASE_URL to talk to another server (tests
 * use a local one). The outbox id is the idempotency key, so a retry after an answer got lost
 * is not delivered twice.
 */
export async function deliverViaResend(email: OutgoingEmail): Promise<DeliveryResult> {
  const resend = new Resend(process.env.RESEND_API_KEY);
  const { data, error } = await resend.emails.send(
    { from: process.env.EMAIL_FROM || DEFAULT_EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey: `email-outbox-${email.id}`, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (data?.id) return { ok: true, providerId: data.id };
  const status = error?.statusCode ?? null;
  const retryable = status === null || status === 408 || status === 429 || status >= 500;
  const detail = error ? `${error.name}${status ? ` (HTTP ${status})` : ""}: ${error.message}` : "no email id in the answer";
  return { ok: false, retryable, error: detail.slice(0, 1000) };
}
