import { createHmac } from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** The HMAC key of a Standard Webhooks secret: the base64 after `whsec_`. */
function signingKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

export interface WebhookToSign {
  webhookId: string;
  /** Unix seconds; receivers reject timestamps far from their own clock. */
  timestamp: number;
  /** The exact bytes sent as the request body. */
  body: string;
  /** Every secret to sign with; each yields one `v1,` signature (several during a rotation). */
  secrets: readonly string[];
}

/**
 * The Standard Webhooks headers for one message: `webhook-signature` carries a base64
 * HMAC-SHA256 of `${id}.${timestamp}.${body}` per secret, space-separated, so a receiver
 * holding either the new or the previous secret verifies it.
 */
export function signWebhook(message: WebhookToSign): Record<string, string> {
  const signed = `${message.webhookId}.${message.timestamp}.${message.body}`;
  const signatures = message.secrets.map((secret) => `v1,${createHmac("sha256", signingKey(secret)).update(signed).digest("base64")}`);
  return {
    "webhook-id": message.webhookId,
    "webhook-timestamp": String(message.timestamp),
    "webhook-signature": signatures.join(" "),
  };
}
