import { z } from "zod";

/** Largest amount the API accepts, in minor units (10^13 = 100 billion RUB): far below 2^53. */
export const MAX_AMOUNT = 10_000_000_000_000;

const noControlChars = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

/** A printable string of 1..max characters (NUL and other control characters refused). */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(noControlChars, { message: "must not contain control characters" });
}

export const amountSchema = z
  .number({ error: "must be an integer number of minor units" })
  .int({ message: "must be an integer number of minor units (e.g. kopecks)" })
  .positive()
  .max(MAX_AMOUNT, { message: `must be at most ${MAX_AMOUNT}` });

export const currencySchema = z.string().regex(/^[A-Za-z]{3,10}$/, { message: "must be a currency code such as RUB" }).transform((c) => c.toUpperCase());

/** Free-form merchant data: a flat-ish JSON object, at most 4 KB serialised. */
export const metadataSchema = z
  .record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 30, { message: "must have at most 30 keys" })
  .refine((value) => JSON.stringify(value).length <= 4096, { message: "must be at most 4 KB" });

export const orderIdParam = z.string().regex(/^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/, { message: "is not an order id" });
