import { describe, expect, it } from "vitest";
import { divide, multiply, parseDecimal } from "./decimal";
import { fiatToCrypto, minorToDecimalString } from "./convert";
import { splitPayin, splitPayout } from "./commissions";

describe("decimal arithmetic", () => {
  it("parses decimals exactly", () => {
    expect(parseDecimal("92.5")).toEqual({ numerator: 925n, denominator: 10n });
    expect(parseDecimal("0.000001")).toEqual({ numerator: 1n, denominator: 1000000n });
    expect(() => parseDecimal("1e5")).toThrow(RangeError);
    expect(() => parseDecimal("abc")).toThrow(RangeError);
  });

  it("rounds as named", () => {
    expect(divide(5n, 2n, "floor")).toBe(2n);
    expect(divide(5n, 2n, "ceil")).toBe(3n);
    expect(divide(5n, 2n, "half_up")).toBe(3n);
    expect(divide(4n, 3n, "half_up")).toBe(1n);
    expect(divide(6n, 3n, "ceil")).toBe(2n);
    expect(multiply(1000n, "0.025", "half_up")).toBe(25n);
    expect(multiply(1n, "0.5", "half_up")).toBe(1n);
    expect(multiply(1n, "0.5", "floor")).toBe(0n);
  });
});

describe("fiat to USDT", () => {
  it("converts 1000.00 RUB at 92.5 to 10.810811 USDT (half-up)", () => {
    expect(fiatToCrypto(100_000n, 2, "92.5", 6)).toBe(10_810_811n);
  });

  it("handles tiny amounts and rates with many decimals", () => {
    expect(fiatToCrypto(1n, 2, "92.5", 6)).toBe(108n); // 0.01 RUB = 0.000108108… USDT
    expect(fiatToCrypto(1n, 2, "92.1234567891", 6)).toBe(109n);
    expect(fiatToCrypto(1n, 2, "1000000", 6)).toBe(0n);
    expect(fiatToCrypto(1n, 2, "1000000", 6, "ceil")).toBe(1n);
  });

  it("stays exact for amounts up to 10^12 minor units", () => {
    const huge = 10n ** 12n; // 10 000 000 000.00 RUB
    expect(fiatToCrypto(huge, 2, "92.5", 6)).toBe(108_108_108_108_108_108n / 1000n + 0n);
    expect(fiatToCrypto(huge, 2, "100", 6)).toBe(100_000_000n * 1_000_000n);
  });

  it("formats minor units", () => {
    expect(minorToDecimalString(12345n, 2)).toBe("123.45");
    expect(minorToDecimalString(5n, 6)).toBe("0.000005");
    expect(minorToDecimalString(-5n, 2)).toBe("-0.05");
    expect(minorToDecimalString(7n, 0)).toBe("7");
  });
});

describe("commission splits add up exactly", () => {
  const cases: [bigint, string, string][] = [
    [10_810_811n, "0.03", "0.02"],
    [1n, "0.03", "0.02"],
    [3n, "0.5", "0.333333"],
    [999_999_999_999n, "0.029999", "0.019999"],
    [10n ** 15n, "0.035", "0.0275"],
  ];
  it.each(cases)("pay-in u=%s s=%s t=%s", (u, s, t) => {
    const split = splitPayin(u, s, t);
    expect(split.storeCredit + split.traderReward + split.platformProfit).toBe(u);
    expect(split.platformProfit).toBeGreaterThanOrEqual(0n);
  });
  it.each(cases)("payout u=%s s=%s t=%s", (u, s, t) => {
    const split = splitPayout(u, s, t);
    expect(split.storeDebit).toBe(split.traderCredit + split.platformProfit);
  });
  it("computes the documented example", () => {
    expect(splitPayin(10_000_000n, "0.03", "0.02")).toEqual({
      storeCredit: 9_700_000n,
      storeCommissionAmount: 300_000n,
      traderReward: 200_000n,
      platformProfit: 100_000n,
    });
  });
});
