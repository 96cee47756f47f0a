/**
 * What a trader server action answers. Failures carry a stable code (a DomainError's, or
 * "invalid_input" with field errors as message keys); the browser turns codes into words in
 * the reader's language, so the engine's English messages never reach the screen.
 */
export type TraderActionResult<T = null> =
  | { ok: true; value: T }
  | { ok: false; code: string; fieldErrors?: Record<string, string[]> };

/** Codes the cabinet explains in its own words (trader.errors.<code>); any other is "something went wrong". */
export const EXPLAINED_ERROR_CODES = [
  "invalid_state",
  "order_not_found",
  "offer_expired",
  "offer_no_longer_fits",
  "requisite_not_found",
  "requisite_blocked",
  "requisite_without_limits",
  "duplicate_requisite",
  "unknown_bank",
  "unsupported_currency",
  "token_not_found",
  "too_many_tokens",
  "no_trader_profile",
  "invalid_input",
  "receipt_missing",
  "receipt_type",
  "receipt_size",
] as const;

export type ExplainedErrorCode = (typeof EXPLAINED_ERROR_CODES)[number];

export function isExplainedErrorCode(code: string): code is ExplainedErrorCode {
  return (EXPLAINED_ERROR_CODES as readonly string[]).includes(code);
}
