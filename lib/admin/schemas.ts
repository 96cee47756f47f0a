import { z } from "zod";

/**
 * The zod schemas of the admin cabinet's inputs, shared by the server actions (which report
 * field errors in the reader's language) and the domain functions (which refuse bad input
 * whoever calls them). A custom message is a message key under admin.validation, translated
 * where it is shown (./validation.ts).
 */
const message = (key: "fraction" | "json" | "permissionName" | "minAboveMax" | "rate" | "username") => ({ message: `admin.validation.${key}` });

/** "0.0300" → "0.03", "5.0" → "5": the form PostgreSQL's numeric prints, so audits compare equal. */
function normalizeDecimal(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}

/** A commission or reward fraction 0 ≤ x < 1 with up to 6 decimals (numeric(9,6)); "0,03" is read as 0.03. */
export const fractionSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(",", "."))
  .pipe(z.string().regex(/^0(\.\d{1,6})?$/, message("fraction")))
  .transform(normalizeDecimal);

/** Fiat per 1 USDT: positive, up to 14 integer and 10 decimal digits (numeric(24,10)). */
export const rateSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(",", "."))
  .pipe(z.string().regex(/^\d{1,14}(\.\d{1,10})?$/, message("rate")).refine((value) => /[1-9]/.test(value), message("rate")))
  .transform(normalizeDecimal);

/** JSON typed into a textarea, parsed; invalid JSON is a field error, not an exception. */
export function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", ...message("json") });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** granted_permissions of an admin, support or teamlead profile: {"orders.read": true, …}. */
export const grantedPermissionsSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, message("permissionName")).max(64), z.boolean())
  .refine((permissions) => Object.keys(permissions).length <= 100);

const bounds = z
  .strictObject({
    min: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    max: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, message("minAboveMax"));

/** A store's per-direction amount bounds in minor units, as lib/risk/check-new-order reads them. */
export const storeLimitsSchema = z.strictObject({ payin: bounds.optional(), payout: bounds.optional() });

export const usernameSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9_.-]+$/, message("username"));

export const userNameSchema = z.string().trim().max(120);

export const trafficPrioritySchema = z.number().int().min(-1000).max(1000);
