import type { Locale } from "@/lib/i18n/config";

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; reason: "format" | "decimals" };

/**
 * An amount typed by a person, e.g. "1,234.50" (en), "1 234,50" (ru) or "12.345678", as
 * integer minor units of a currency with `exponent` decimals — by string arithmetic, never a
 * float. Spaces (also no-break) group digits in any language; in English a comma may group
 * thousands and the point marks decimals, in Russian a comma or a point marks decimals. More
 * decimals than the currency has are refused rather than rounded: money is never guessed.
 */
export function parseAmount(text: string, exponent: number, locale: Locale): ParsedAmount {
  let value = text.trim().replace(/[\s\u00a0\u202f\u2009]/g, "");
  if (locale === "en" && value.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) return { ok: false, reason: "format" };
    value = value.replace(/,/g, "");
  }
  if (locale === "ru") value = value.replace(",", ".");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return { ok: false, reason: "format" };
  const [, whole, fraction = ""] = match;
  if (fraction.length > exponent) return { ok: false, reason: "decimals" };
  return { ok: true, minor: BigInt(whole + fraction.padEnd(exponent, "0")) };
}
