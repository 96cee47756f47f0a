/**
 * Every error code a caller can get, once: its kind (the API body's `type`), its HTTP status and
 * one sentence saying what happened or what to do. The sentence is a DomainError's message when
 * the throw site has nothing to add (amounts, limits, ids), and the README's "Errors" table
 * (`npm run docs`). Codes are a public contract: the gateway returns them to merchants and
 * traders, and the cabinets translate them; rename none, add new ones here.
 */

/** Each kind's HTTP status, defined here only. */
export const KIND_STATUS = {
  malformed_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_request: 422,
  insufficient_funds: 422,
  rate_limited: 429,
} as const;

export type DomainErrorKind = keyof typeof KIND_STATUS;

export interface ErrorEntry {
  kind: DomainErrorKind;
  status: number;
  sentence: string;
  /** Sent as Retry-After when the throw site does not know better. */
  retryAfterSeconds?: number;
}

function entry<K extends DomainErrorKind>(kind: K, sentence: string): { kind: K; status: (typeof KIND_STATUS)[K]; sentence: string } {
  return { kind, status: KIND_STATUS[kind], sentence };
}

export const ERRORS = {
  // 400: the request could not be read.
  body_too_large: entry("malformed_request", "The request body is larger than the API accepts (64 KiB; with an inline receipt or evidence, room for the files)."),
  invalid_json: entry("malformed_request", "The body is not valid JSON."),
  invalid_upload: entry("malformed_request", "Send the file as multipart/form-data."),

  // 401: who is calling is not established.
  missing_api_key: entry("authentication", "Send your key as `Authorization: Bearer <key>`."),
  invalid_api_key: entry("authentication", "The API key is invalid or revoked."),
  invalid_api_token: entry("authentication", "The trader token is invalid or revoked."),
  account_deactivated: entry("authentication", "The account that owns this key is deactivated; contact support."),
  store_deactivated: entry("authentication", "The store of this key is deactivated; contact support."),
  api_key_store_mismatch: entry("authentication", "A jp_sandbox_ key works only on a sandbox store and a live key only on a live store."),

  // 403: the caller may not do this.
  transition_forbidden: entry("permission", "This party may never make this move of the order (see who may move an order)."),
  permission_denied: entry("permission", "Your permissions do not allow this."),
  admin_only: entry("permission", "Only an active admin can do this."),
  support_only: entry("permission", "Only an active support user can do this."),
  teamlead_only: entry("permission", "Only a teamlead can see a team."),
  cannot_manage_admins: entry("permission", "Admin accounts are managed only with the users.manage_admins permission."),
  force_not_allowed: entry("permission", "Only support (disputes.resolve) or an admin (traders.manage) can force an order."),

  // 404: nothing the caller may see has this id.
  order_not_found: entry("not_found", "There is no such order, or it is not yours."),
  callback_not_found: entry("not_found", "The order has no such callback."),
  receipt_not_found: entry("not_found", "There is no such receipt."),
  dispute_not_found: entry("not_found", "There is no such dispute."),
  store_not_found: entry("not_found", "There is no such store."),
  api_key_not_found: entry("not_found", "There is no such API key."),
  user_not_found: entry("not_found", "There is no such user."),
  trader_not_found: entry("not_found", "There is no such trader."),
  token_not_found: entry("not_found", "There is no such token."),
  requisite_not_found: entry("not_found", "There is no such requisite."),
  currency_not_found: entry("not_found", "There is no such currency."),
  withdrawal_not_found: entry("not_found", "There is no such withdrawal request."),
  unknown_setting: entry("not_found", "There is no such setting."),

  // 409: it clashes with another request or record.
  duplicate_merchant_order_id: entry("conflict", "An order with this merchant_order_id already exists; retrieve it instead of creating another."),
  idempotency_conflict: entry("conflict", "This Idempotency-Key was used with a different request."),
  idempotency_in_progress: entry("conflict", "A request with this Idempotency-Key is still being processed. Retry shortly."),
  dispute_open: entry("conflict", "The order already has an open dispute; support is handling it."),
  offer_no_longer_fits: entry("conflict", "Your requisite no longer fits this payout (its status or limits changed); decline it instead."),
  duplicate_requisite: entry("conflict", "You already have a requisite with this number."),
  too_many_tokens: entry("conflict", "You have as many active tokens as allowed; revoke one you no longer use first."),
  email_taken: entry("conflict", "A user with this email already exists."),
  username_taken: entry("conflict", "This username is taken."),

  // 409: the record's current state does not allow it.
  invalid_state: entry("invalid_state", "The order's status does not allow this now (see who may move an order)."),
  not_matched: entry("invalid_state", "The order was never matched to a trader, so this cannot happen."),
  not_yet_expired: entry("invalid_state", "The order's deadline has not passed."),
  offer_expired: entry("invalid_state", "The offer has lapsed; the payout is being offered to another trader."),
  confirmation_window_closed: entry("invalid_state", "The payout's confirmation window has closed; it completes as paid."),
  late_dispute_window_closed: entry("invalid_state", "The ended pay-in's late-dispute window (order.late_dispute_window_hours) has closed."),
  dispute_resolved: entry("invalid_state", "Support has already decided this dispute; its decision stands."),
  no_callback_url: entry("invalid_state", "The store has no callback URL; set one before resending."),
  store_inactive: entry("invalid_state", "The store is deactivated."),
  too_many_api_keys: entry("invalid_state", "The store has as many active API keys as allowed; revoke one first."),
  already_revoked: entry("invalid_state", "This key is already revoked."),
  requisite_blocked: entry("invalid_state", "The platform blocked this requisite; only support can change it."),
  requisite_not_blocked: entry("invalid_state", "This requisite is not blocked."),
  requisite_without_limits: entry("invalid_state", "This requisite has no limits to edit; ask support."),
  withdrawal_already_decided: entry("invalid_state", "This withdrawal has already been approved or rejected."),

  // 413, 415: an uploaded file is refused (lib/files/).
  file_too_large: entry("payload_too_large", "The file is larger than the receipts.max_bytes setting allows (10 MiB by default)."),
  unsupported_file_type: entry("unsupported_media_type", "Only JPEG, PNG, WebP, HEIC/HEIF images and PDF files are accepted; the content is checked, not the name."),

  // 422: the request is readable but a value or a business rule refuses it.
  file_missing: entry("invalid_request", "Attach a file (a JPEG, PNG, WebP, HEIC/HEIF image or a PDF)."),
  invalid_type: entry("invalid_request", "A field has the wrong type; the message and param name it."),
  invalid_value: entry("invalid_request", "A field's value is not accepted; the message and param name the field and the rule."),
  invalid_idempotency_key: entry("invalid_request", "Idempotency-Key must be at most 255 characters."),
  unsupported_currency: entry("invalid_request", "This currency is not supported here."),
  unsupported_payment_method: entry("invalid_request", "This payment method is not supported."),
  rate_unavailable: entry("invalid_request", "No exchange rate to USDT is configured for this currency; retry later."),
  amount_too_small: entry("invalid_request", "The amount is below the store's minimum, or worth less than the smallest USDT unit."),
  amount_too_large: entry("invalid_request", "The amount is above the store's maximum."),
  customer_blocked: entry("invalid_request", "This customer cannot make payments."),
  customer_open_orders_limit: entry("invalid_request", "This customer already has as many open orders as allowed (fraud.max_open_orders_per_customer)."),
  customer_velocity_limit: entry("invalid_request", "This customer made too many orders in the last hour (fraud.max_orders_per_customer_per_hour)."),
  invalid_evidence: entry("invalid_request", "An evidence file is refused (count, name, type, size or content); the param names it."),
  invalid_amount: entry("invalid_request", "The amount must be positive."),
  invalid_address: entry("invalid_request", "This is not a TRC-20 or ERC-20 address."),
  note_required: entry("invalid_request", "A note is required: say why."),
  note_too_long: entry("invalid_request", "The note is longer than 1000 characters."),
  invalid_token: entry("invalid_request", "The link is invalid, expired or already used; ask for a new one."),
  not_a_merchant: entry("invalid_request", "The owner must be a merchant."),
  field_not_for_role: entry("invalid_request", "This field does not apply to the user's role."),
  cannot_deactivate_self: entry("invalid_request", "You cannot deactivate your own account."),
  teamlead_not_found: entry("invalid_request", "There is no such teamlead."),
  unknown_bank: entry("invalid_request", "Choose one of the listed banks."),
  not_fiat: entry("invalid_request", "Rates are set for fiat currencies."),
  payin_commission_below_reward: entry("invalid_request", "The store's pay-in commission must be at least the highest active trader's pay-in reward."),
  payout_commission_below_reward: entry("invalid_request", "The store's payout commission must be at least the highest active trader's payout reward."),
  payin_reward_above_commission: entry("invalid_request", "The trader's pay-in reward must be at most the lowest active store's pay-in commission."),
  sandbox_payouts_not_supported: entry("invalid_request", "Sandbox stores simulate pay-ins only; payouts are not simulated."),
  sandbox_balance_not_withdrawable: entry("invalid_request", "A sandbox store's balance is test money and cannot be withdrawn."),
  payout_reward_above_commission: entry("invalid_request", "The trader's payout reward must be at most the lowest active store's payout commission."),

  // 422: a balance cannot cover it.
  insufficient_balance: entry("insufficient_funds", "The store's available USDT cannot cover this payout; top up or wait for pay-ins."),
  insufficient_funds: entry("insufficient_funds", "The available balance cannot cover this amount."),
  trader_deposit_insufficient: entry("insufficient_funds", "The trader's available deposit cannot cover the pay-in again; top up the deposit first."),

  // 429: too many requests.
  rate_limited: { ...entry("rate_limited", "Too many requests; retry after the seconds in Retry-After."), retryAfterSeconds: 60 },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** A code's catalogue entry. */
export function errorEntry(code: ErrorCode): ErrorEntry {
  return ERRORS[code];
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
