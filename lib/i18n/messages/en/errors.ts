/**
 * Failures in the reader's words (keys under "errors."): a page that failed, a lost request,
 * the answers every server action may give, and DomainError codes. lib/web/action.ts explains a
 * code as `errors.<scope>.<code>` (a cabinet that words it for its own reader), else
 * `errors.<code>`, else the error's own message.
 */
export const errors = {
  pageFailed: "This page could not be loaded.",
  tryLater: "Try again in a moment.",
  reference: "Reference: {digest}",
  forbiddenTitle: "403 — Access denied",
  forbiddenText: "You do not have access to this page.",
  forbiddenAction: "Go to your cabinet",
  notFoundTitle: "404 — Page not found",
  notFoundText: "There is nothing at this address.",
  notFoundAction: "Go to the start page",
  network: "Could not reach the server. Check your connection and try again.",
  unknown: "Something went wrong. Try again in a moment.",
  fixFields: "Check the highlighted fields.",

  // DomainError codes, as every cabinet reads them.
  admin_only: "Only an active admin can do this.",
  unknown_setting: "There is no such setting.",
  user_not_found: "This user no longer exists.",
  cannot_deactivate_self: "You cannot deactivate your own account.",
  field_not_for_role: "This user's role has no such field.",
  username_taken: "This username is taken.",
  email_taken: "A user with this email already exists.",
  store_not_found: "This store no longer exists.",
  not_a_merchant: "The owner must be a merchant.",
  trader_not_found: "This trader no longer exists.",
  teamlead_not_found: "There is no such teamlead.",
  currency_not_found: "This currency no longer exists.",
  not_fiat: "Rates are set for fiat currencies only.",
  withdrawal_not_found: "This withdrawal request no longer exists.",
  withdrawal_already_decided: "This withdrawal has already been decided.",
  note_required: "Say why the withdrawal is rejected: the merchant reads the note.",
  note_too_long: "The note is longer than 1000 characters.",
  permission_denied: "Your permissions do not allow this.",
  cannot_manage_admins: "Admin accounts are managed only with the “Manage admins” permission.",
  payin_commission_below_reward: "Must be at least {bound} (the highest trader pay-in reward).",
  payout_commission_below_reward: "Must be at least {bound} (the highest trader payout reward).",
  payin_reward_above_commission: "Must be at most {bound} (the lowest store pay-in commission).",
  payout_reward_above_commission: "Must be at most {bound} (the lowest store payout commission).",
  requisite_not_found: "This requisite no longer exists.",
  requisite_blocked: "This requisite is already blocked.",
  requisite_not_blocked: "This requisite is not blocked.",
  order_not_found: "This order was not found.",
  receipt_not_found: "This receipt was not found.",
  api_key_not_found: "This API key was not found.",
  callback_not_found: "This callback was not found.",
  already_revoked: "This key is already revoked.",
  too_many_api_keys: "This store has 20 active keys. Revoke one first.",
  invalid_amount: "The amount must be more than zero.",
  invalid_address: "Enter a TRC-20 (T…) or ERC-20 (0x…) address.",
  store_inactive: "This store is deactivated.",
  no_callback_url: "The store has no callback URL. Set one first.",
  dispute_open: "This order already has an open dispute; support is on it.",
  invalid_evidence: "Each file must be a PNG, JPEG or PDF of at most 1 MB.",
  confirmation_window_closed: "The confirmation window of this payout has closed; it completes as paid.",
  late_dispute_window_closed: "This order ended too long ago to be disputed.",
  offer_expired: "The offer has lapsed: the payout was offered to another trader.",
  offer_no_longer_fits: "Your requisite no longer fits this payout (its status or limits changed). Decline the offer instead.",
  requisite_without_limits: "This requisite has no limits to edit; ask support.",
  duplicate_requisite: "You already have a requisite with this number.",
  unknown_bank: "Choose one of the listed banks.",
  token_not_found: "This token is not in your list.",
  too_many_tokens: "You have too many active tokens; revoke one you no longer use first.",
  no_trader_profile: "Your account has no trader profile yet.",
  force_not_allowed: "Your account or permissions do not allow forcing orders.",
  dispute_resolved: "This dispute has already been resolved by someone else.",
  support_only: "You are not allowed to resolve disputes.",
  trader_deposit_insufficient:
    "This pay-in ended before the customer's late payment, so it no longer holds the trader's USDT, and their deposit cannot cover it again. An admin must top up the trader's deposit before you can complete it.",

  // Codes a cabinet (or one of its forms) words for its own reader: the action's error scope.
  admin: {
    insufficient_funds: "The trader's available deposit is smaller than this debit.",
  },
  merchant: {
    store_not_found: "This store was not found.",
    insufficient_funds: "The amount is more than the store has available.",
    unsupported_currency: "Withdrawals are paid in USDT.",
    invalid_state: "The order's status does not allow this any more. Reload the page.",
    not_matched: "No trader ever had this order, so no one could have received or sent the money.",
    transition_forbidden: "This cannot be done from the merchant's cabinet.",
    invalid_value: "Say what happened (at most 2000 characters).",
  },
  trader: {
    invalid_state: "The order has changed meanwhile (it may have expired, been cancelled or gone to another trader); this is no longer possible.",
    order_not_found: "This order is no longer in your queue.",
    requisite_not_found: "This requisite is not in your list.",
    requisite_blocked: "The platform blocked this requisite; only support can change it.",
    unsupported_currency: "Choose one of the listed currencies.",
  },
  teamlead: {
    trader_not_found: "This trader is not in your team.",
  },
  /** Support's and the admin's force dialog. */
  forceOrder: {
    invalid_value: "Write a note (printable text, up to 2000 characters).",
    not_matched: "No trader has this order, so it cannot be completed; cancel it instead.",
    invalid_state: "The order has already ended (or changed meanwhile). Reload the page.",
    order_not_found: "There is no such order.",
  },
  /** Support blocking or unblocking a requisite. */
  requisiteBlock: {
    permission_denied: "Your permissions do not allow blocking requisites.",
  },
  /** Support resolving a dispute. */
  dispute: {
    invalid_value: "Write a note: what you checked and why.",
  },
};
