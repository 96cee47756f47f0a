import { z } from "zod";

/** How long the reason for blocking or unblocking a requisite may be (req_trader.blocked_reason is varchar(500)). */
export const BLOCK_REASON_LENGTH = { min: 3, max: 500 } as const;

const reasonMessage = { message: "admin.validation.blockReason" };

/**
 * What support or an admin sends to block or unblock a requisite: which one, and why. The
 * reason is required both ways (the audit log keeps it) and the trader reads the blocking one.
 * Messages are keys under admin.validation (lib/validation/messages.ts translates them).
 */
export const requisiteBlockSchema = z.object({
  requisiteId: z.number().int().positive().max(2_147_483_647),
  reason: z.string().trim().min(BLOCK_REASON_LENGTH.min, reasonMessage).max(BLOCK_REASON_LENGTH.max, reasonMessage),
});

export type RequisiteBlockInput = z.input<typeof requisiteBlockSchema>;
