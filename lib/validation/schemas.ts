import { z } from "zod";
import { isPermissionOf, permissionOverrides, type StaffRole } from "@/lib/auth/permissions";

/**
 * The zod schemas of the admin cabinet's inputs, shared by the server actions (which report
 * field errors in the reader's language) and the domain functions (which refuse bad input
 * whoever calls them). A custom message is a message key under admin.validation, translated
 * where it is shown (./validation.ts).
 */
const message = (key: "fraction" | "json" | "unknownPermission" | "minAboveMax" | "rate" | "username") => ({ message: `admin.validation.${key}` });

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

/**
 * granted_permissions as the admin's editor sends them for a user of `role`: the role's catalog
 * permissions (lib/auth/permissions.ts), each true or false, any subset of them. Another key is
 * refused, so a typo never becomes a permission nobody reads. The output is what is stored:
 * only the differences from the role's defaults.
 */
export function grantedPermissionsSchema(role: StaffRole) {
  return z
    .record(z.string(), z.boolean())
    .superRefine((permissions, ctx) => {
      for (const name of Object.keys(permissions)) {
        if (!isPermissionOf(role, name)) ctx.addIssue({ code: "custom", path: [name], ...message("unknownPermission") });
      }
    })
    .transform((permissions) => permissionOverrides(role, permissions));
}

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
