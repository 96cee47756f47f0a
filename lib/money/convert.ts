import { divide, parseDecimal, type DecimalLike, type Rounding } from "./decimal";

/**
 * Converts a fiat amount in minor units (exponent `fiatExponent`) to the settlement currency's
 * minor units (exponent `cryptoExponent`, USDT 6) at `rate` fiat per 1 unit of settlement
 * currency: u = A / R, scaled between the two exponents.
 */
export function fiatToCrypto(
  fiatMinor: bigint,
  fiatExponent: number,
  rate: DecimalLike,
  cryptoExponent: number,
  rounding: Rounding = "half_up",
): bigint {
  const r = parseDecimal(rate);
  if (r.numerator <= 0n) throw new RangeError("A rate must be positive");
  // u = A / 10^fe / (n / d) × 10^ce = A × d × 10^ce / (n × 10^fe)
  return divide(
    fiatMinor * r.denominator * 10n ** BigInt(cryptoExponent),
    r.numerator * 10n ** BigInt(fiatExponent),
    rounding,
  );
}

/** Formats minor units as a plain decimal string: 12345n, 2 → "123.45". */
export function minorToDecimalString(amount: bigint, exponent: number): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(exponent + 1, "0");
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = exponent ? `.${digits.slice(-exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
