import { z } from "zod";

/**
 * Where a store's USDT goes: a TRON (TRC-20, "T" and 33 base58 characters) or an Ethereum-style
 * (ERC-20 / BEP-20, "0x" and 40 hex digits) address. Anything else is surely a typo, and a
 * typo here loses the money, so it is refused. Messages are merchant.errors.* keys.
 */
export const withdrawalAddressSchema = z
  .string()
  .trim()
  .regex(/^(T[1-9A-HJ-NP-Za-km-z]{33}|0x[0-9a-fA-F]{40})$/, { error: "merchant.errors.invalidAddress" });

/** A decision note: optional when approving, required when rejecting (the merchant reads it). */
export const withdrawalNoteSchema = z.string().trim().max(1000, { error: "merchant.errors.noteTooLong" });
