import type { Locale } from "@/lib/i18n/config";

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; reason: "invalid" | "too_precise" };

/** Digits beyond this are a typo, not money (and keep BigInt parsing cheap). */
const MAX_DIGITS = 30;
const CANONICAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * A number as a person types it — "1 234,50", "1234.50", "1,234.50" (en), "1.234,50" — as a
 * canonical decimal string ("1234.50"), or null when it is not one. Spaces and apostrophes
 * group digits. When both "," and "." appear, the last one is the decimal mark; a lone "," is
 * the decimal mark in Russian and a digit group in English, as each language writes numbers.
 */
export function normalizeDecimalInput(text: string, locale: Locale): string | null {
  let value = text.replace(/[\s\u00a0\u202f']/g, "");
  const lastComma = value.lastIndexOf(",");
  const lastDot = value.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalMark = lastComma > lastDot ? "," : ".";
    const groupMark = decimalMark === "," ? "." : ",";
    value = value.split(groupMark).join("").replace(decimalMark, ".");
  } else if (lastComma >= 0) {
    value = locale === "ru" ? value.replace(",", ".") : value.split(",").join("");
  }
  value = value.replace(/\.$/, "");
  const match = CANONICAL.exec(value);
  if (!match || match[1].length + (match[2]?.length ?? 0) > MAX_DIGITS) return null;
  return value;
}

/**
 * A canonical decimal string ("1234.5") in minor units of a currency with `exponent` decimals.
 * Extra decimals are refused (`exact`, for amounts that move money) or rounded down or up (for
 * the bounds of a filter: "at least 10.005" means at least 10.01).
 */
export function decimalToMinor(decimal: string, exponent: number, rounding: "exact" | "floor" | "ceil" = "exact"): bigint | null {
  const match = CANONICAL.exec(decimal);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  const kept = fraction.slice(0, exponent);
  const dropped = fraction.slice(exponent);
  const minor = BigInt(`${whole}${kept.padEnd(exponent, "0")}`);
  if (!/[1-9]/.test(dropped)) return minor;
  if (rounding === "exact") return null;
  return rounding === "ceil" ? minor + 1n : minor;
}

/** An amount typed into a money field, in minor units, exactly (see normalizeDecimalInput). */
export function parseAmountInput(text: string, exponent: number, locale: Locale): ParsedAmount {
  const decimal = normalizeDecimalInput(text, locale);
  if (decimal === null) return { ok: false, reason: "invalid" };
  const minor = decimalToMinor(decimal, exponent);
  return minor === null ? { ok: false, reason: "too_precise" } : { ok: true, minor };
}
