import "server-only";
import type { Settings } from "@/lib/settings/read-settings";
import { OutboundRequestError } from "@/lib/net/outbound-request-error";
import { safePost } from "@/lib/net/safe-post";
import type { ClaimedCallback } from "./claim-due-callbacks";
import { signWebhook } from "./sign-webhook";
import { signingSecrets } from "./signing-secrets";

/** What one delivery attempt produced, as callback_attempts records it. */
export interface AttemptOutcome {
  url: string;
  /** The receiver's HTTP status; null when no response came. */
  statusCode: number | null;
  /** Until the response headers; null when the request was refused before sending. */
  latencyMs: number | null;
  /** Null on 2xx; otherwise why the attempt did not count as delivered. */
  error: string | null;
  /** No response: the endpoint timed out or the connection failed (what its circuit breaker counts). */
  unreachable: boolean;
}

const USER_AGENT = "JivaPay-Webhooks/1.0";

function describeFailure(error: unknown): string {
  if (error instanceof OutboundRequestError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function describeStatus(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  return status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`;
}

/**
 * POSTs the stored payload to the store's callback URL once, signed per Standard Webhooks,
 * through the SSRF guard. Never throws: a refusal, timeout or network error is an outcome to
 * record. The signature's timestamp is the real clock (receivers compare it with theirs),
 * while `now` (the delivery's clock) decides whether a rotated secret still co-signs.
 */
export async function sendCallback(
  row: ClaimedCallback,
  url: string,
  context: { settings: Settings; now: Date; timeoutMs: number; connectTimeoutMs: number },
): Promise<AttemptOutcome> {
  const { settings } = context;
  const body = JSON.stringify(row.payload);
  const secrets = signingSecrets(row, context.now, settings["callbacks.secret_rotation_overlap_hours"]);
  const headers = {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    ...signWebhook({ webhookId: row.webhookId, timestamp: Math.floor(Date.now() / 1000), body, secrets }),
  };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const status = await safePost(url, {
      body,
      headers,
      timeoutMs: context.timeoutMs,
      connectTimeoutMs: context.connectTimeoutMs,
      allowedPrivateHosts: settings["callbacks.allowed_private_hosts"],
    });
    return { url, statusCode: status, latencyMs: elapsed(), error: describeStatus(status), unreachable: false };
  } catch (error) {
    const refused = error instanceof OutboundRequestError && error.reason === "refused";
    return { url, statusCode: null, latencyMs: refused ? null : elapsed(), error: describeFailure(error), unreachable: !refused };
  }
}
