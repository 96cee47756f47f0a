import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { ACCEPTED_CONTENT_TYPES } from "@/lib/files/file-types";

/** Largest amount the API accepts, in minor units (10^13 = 100 billion RUB): far below 2^53. */
export const MAX_AMOUNT = 10_000_000_000_000;

// Control characters (NUL among them) and unpaired UTF-16 surrogates are refused: neither
// belongs in a name or an id, and PostgreSQL's jsonb cannot store them.
const printable = (value: string) => value.isWellFormed() && !/[\u0000-\u001f\u007f]/.test(value);
const PRINTABLE = { message: "must not contain control characters or invalid Unicode" };

/** A printable string of 1..max characters (NUL and other control characters refused). */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(printable, PRINTABLE);
}

export const amountSchema = z
  .number({ error: "must be an integer number of minor units" })
  .int({ message: "must be an integer number of minor units (e.g. kopecks)" })
  .positive()
  .max(MAX_AMOUNT, { message: `must be at most ${MAX_AMOUNT}` });

export const currencySchema = z.string().regex(/^[A-Za-z]{3,10}$/, { message: "must be a currency code such as RUB" }).transform((c) => c.toUpperCase());

/** Free-form merchant data: a flat-ish JSON object, at most 4 KB serialised. */
export const metadataSchema = z
  .record(z.string().max(64).refine(printable, PRINTABLE), z.union([z.string().max(500).refine(printable, PRINTABLE), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 30, { message: "must have at most 30 keys" })
  .refine((value) => JSON.stringify(value).length <= 4096, { message: "must be at most 4 KB" });

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;

/** An order id from the path; anything that is not one cannot name an order: 404. */
export function parseOrderId(raw: string | undefined): string {
  if (!raw || !ORDER_ID.test(raw)) throw new DomainError("order_not_found", `No order ${String(raw).slice(0, 40)}.`, { param: "id" });
  return raw;
}

/** Base64 characters of the largest file receipts.max_bytes may allow (25 MiB); the setting's own cap is checked on storing (413). */
export const INLINE_FILE_BASE64_MAX = Math.ceil((25 * 1024 * 1024) / 3) * 4;

/**
 * A receipt file sent inline, base64: up to the receipts.max_bytes setting (10 MiB by default),
 * a JPEG, PNG, WebP, HEIC/HEIF image or a PDF. The type is read from the file's bytes;
 * `content_type` is the sender's claim, kept for compatibility and not trusted.
 */
export const receiptSchema = z
  .object({
    file_name: text(255),
    content_type: z.enum(ACCEPTED_CONTENT_TYPES).optional().describe("Ignored: the stored type is the one the file's bytes show"),
    data_base64: z
      .string()
      .min(4)
      .max(INLINE_FILE_BASE64_MAX)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "must be base64" })
      .describe("The file, base64-encoded: at most the receipts.max_bytes setting (10 MiB by default) decoded"),
  })
  .strict();

export function decodeReceipt(receipt: z.infer<typeof receiptSchema>) {
  return { fileName: receipt.file_name, contentType: receipt.content_type, data: Buffer.from(receipt.data_base64, "base64") };
}

export const cancelOrderSchema = z.object({ reason: text(500).optional() }).strict();
