/**
 * Exact arithmetic on decimal strings as rationals of BigInts. Rates and commission fractions
 * arrive as decimal strings (Prisma Decimal → toString()); money never touches a JS number.
 */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal as a string or anything that prints as one (Prisma's Decimal). */
export type DecimalLike = string | { toString(): string };

export function parseDecimal(value: DecimalLike): Fraction {
  const text = String(value).trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`Not a decimal number: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  const numerator = BigInt(`${whole}${fraction}`) * (sign ? -1n : 1n);
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

export type Rounding = "floor" | "ceil" | "half_up";

/** numerator / denominator as an integer, rounded as named (for non-negative inputs). */
export function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator <= 0n) throw new RangeError("Division by a non-positive number");
  if (numerator < 0n) throw new RangeError("Money arithmetic here is defined for non-negative amounts");
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  if (rounding === "floor") return quotient;
  if (rounding === "ceil") return quotient + 1n;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

/** amount × fraction, rounded as named. */
export function multiply(amount: bigint, fraction: Fraction | DecimalLike, rounding: Rounding): bigint {
  const f = isFraction(fraction) ? fraction : parseDecimal(fraction);
  return divide(amount * f.numerator, f.denominator, rounding);
}

function isFraction(value: unknown): value is Fraction {
  return typeof value === "object" && value !== null && "numerator" in value && "denominator" in value;
}
