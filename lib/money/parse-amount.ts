// Amounts as people type them into a form ("1 234,50", "1,234.50") → exact minor units. The one
// reader of typed amounts: merchant withdrawals and order filters, trader requisite limits and
// the admin's deposit adjustments all go through it.
import type { Locale } from "@/lib/i18n/config";
import { divide, parseDecimal } from "./decimal";

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; reason: "invalid" | "too_precise" };

/** Digits beyond this are a typo, not money (and keep BigInt parsing cheap). */
const MAX_DIGITS = 30;
const CANONICAL = /^\d+(?:\.\d+)?$/;
/** Thousands written with a group mark: "1,234,567" or "1.234.567" — a badly grouped "1,23" is a typo. */
const GROUPED = { ",": /^\d{1,3}(?:,\d{3})+$/, ".": /^\d{1,3}(?:\.\d{3})+$/ } as const;

/**
 * Which mark separates the decimals: when both "," and "." appear, the last one; a lone "," is
 * the decimal mark in Russian and a digit group in English, as each language writes numbers.
 */
function decimalMarkOf(value: string, locale: Locale): "," | "." | null {
  const lastComma = value.lastIndexOf(",");
  const lastDot = value.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? "," : ".";
  if (lastComma >= 0) return locale === "ru" ? "," : null;
  return lastDot >= 0 ? "." : null;
}

/**
 * A number as a person types it — "1 234,50", "1234.50", "1,234.50" (en), "1.234,50" — as a
 * canonical decimal string ("1234.50"), or null when it is not one. Spaces (also no-break and
 * thin) and apostrophes group digits; so may the mark that is not the decimal one, in groups of
 * three.
 */
export function normalizeDecimalInput(text: string, locale: Locale): string | null {
  const value = text.replace(/[\s']/g, "");
  const decimalMark = decimalMarkOf(value, locale);
  const at = decimalMark ? value.lastIndexOf(decimalMark) : -1;
  let whole = at >= 0 ? value.slice(0, at) : value;
  const fraction = at >= 0 ? value.slice(at + 1) : "";
  const groupMark = decimalMark === "," ? "." : ",";
  if (whole.includes(groupMark)) {
    if (!GROUPED[groupMark].test(whole)) return null;
    whole = whole.split(groupMark).join("");
  }
  const decimal = fraction ? `${whole}.${fraction}` : whole;
  if (!CANONICAL.test(decimal) || whole.length + fraction.length > MAX_DIGITS) return null;
  return decimal;
}

/**
 * A canonical decimal string ("1234.5") in minor units of a currency with `exponent` decimals.
 * Extra decimals are refused (`exact`, for amounts that move money) or rounded down or up (for
 * the bounds of a filter: "at least 10.005" means at least 10.01).
 */
export function decimalToMinor(decimal: string, exponent: number, rounding: "exact" | "floor" | "ceil" = "exact"): bigint | null {
  if (!CANONICAL.test(decimal)) return null;
  const { numerator, denominator } = parseDecimal(decimal);
  const scaled = numerator * 10n ** BigInt(exponent);
  if (rounding !== "exact") return divide(scaled, denominator, rounding);
  return scaled % denominator === 0n ? scaled / denominator : null;
}

/** An amount typed into a money field, in minor units, exactly: more decimals than the currency has are refused, never rounded. */
export function parseAmountInput(text: string, exponent: number, locale: Locale): ParsedAmount {
  const decimal = normalizeDecimalInput(text, locale);
  if (decimal === null) return { ok: false, reason: "invalid" };
  const minor = decimalToMinor(decimal, exponent);
  return minor === null ? { ok: false, reason: "too_precise" } : { ok: true, minor };
}
