import { z } from "zod";

const timestamp = z.string().describe("ISO 8601, UTC");

/** One delivery attempt of a callback. */
const callbackAttemptObjectSchema = z.object({
  status_code: z.number().int().nullable().describe("The receiver's HTTP status; null when no response came"),
  latency_ms: z.number().int().nullable().describe("Until the response headers; null when the URL was refused before sending"),
  error: z.string().nullable().describe("Why the attempt did not count as delivered (non-2xx, timeout, network, refused URL); null on success"),
  attempted_at: timestamp,
});

/** A merchant callback of an order (documentation of serializeCallback). */
export const callbackObjectSchema = z.object({
  id: z.number().int().describe("Pass as delivery_id to resend this callback"),
  webhook_id: z.string().describe("Standard Webhooks message id (webhook-id header); the same on every attempt and resend"),
  event_type: z.string().describe("<order type>.<status>, e.g. payin.completed"),
  sequence: z.number().int().describe("Position among the order's callbacks; they are delivered strictly in this order"),
  status: z.enum(["pending", "delivering", "succeeded", "failed"]),
  attempts: z.number().int(),
  next_attempt_at: timestamp.nullable().describe("When the next attempt is due; null once the callback is finished"),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  delivered_at: timestamp.nullable(),
  created_at: timestamp,
  attempts_log: z.array(callbackAttemptObjectSchema).describe("Every attempt, oldest first"),
});

export const callbackListSchema = z.object({ data: z.array(callbackObjectSchema) });

export const resendCallbackSchema = z
  .object({
    delivery_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe("The callback to resend; the order's latest when omitted"),
  })
  .strict();
