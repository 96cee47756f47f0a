import type { Locale } from "@/lib/i18n/config";

/** Digit grouping and decimal mark per language: 1,234.50 (en), 1 234,50 (ru, no-break space). */
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ",", decimal: "." },
  ru: { group: "\u00a0", decimal: "," },
};

/**
 * Money arrives as integer minor units (bigint) plus the currency's exponent (fiat 2, USDT 6).
 * Formatting is pure string arithmetic on the digits, so no amount ever passes through a
 * floating-point number: 123456789012345678n with exponent 6 prints every digit.
 */
export function formatMinor(amount: bigint, exponent: number, code: string, locale: Locale = "en"): string {
  return `${formatMinorNumber(amount, exponent, locale)} ${code}`;
}

/** The number alone, e.g. "-1,234.50" (en) or "-1 234,50" (ru); always `exponent` decimals. */
export function formatMinorNumber(amount: bigint, exponent: number, locale: Locale = "en"): string {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 30) {
    throw new RangeError(`Invalid currency exponent: ${exponent}`);
  }
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const { group, decimal } = SEPARATORS[locale];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${exponent > 0 ? `${decimal}${fraction}` : ""}`;
}

/**
 * A fraction such as a commission ("0.025", from a Decimal's toString()) as a percentage
 * ("2.5%"), by moving the decimal point two places — again without floating point.
 */
export function formatFractionAsPercent(fraction: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(fraction.trim());
  if (!match) return fraction;
  const [, sign, whole, decimals = ""] = match;
  const padded = decimals.padEnd(2, "0");
  const integerPart = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = padded.slice(2).replace(/0+$/, "");
  return `${sign}${integerPart}${rest ? `.${rest}` : ""}%`;
}
