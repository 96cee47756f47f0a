import { describe, expect, it } from "vitest";
import { formatFractionAsPercent, formatMinor, formatMinorNumber } from "./money";

describe("formatMinor", () => {
  it("places the decimal point by the exponent", () => {
    expect(formatMinor(123456n, 2, "RUB")).toBe("1,234.56 RUB");
    expect(formatMinor(1_500_000n, 6, "USDT")).toBe("1.500000 USDT");
  });

  it("pads small amounts and zero", () => {
    expect(formatMinorNumber(5n, 2)).toBe("0.05");
    expect(formatMinorNumber(0n, 6)).toBe("0.000000");
    expect(formatMinorNumber(7n, 0)).toBe("7");
  });

  it("keeps the sign in front", () => {
    expect(formatMinorNumber(-123456n, 2)).toBe("-1,234.56");
    expect(formatMinorNumber(-5n, 2)).toBe("-0.05");
  });

  it("is exact beyond Number.MAX_SAFE_INTEGER", () => {
    expect(formatMinorNumber(123456789012345678901n, 6)).toBe("123,456,789,012,345.678901");
  });

  it("rejects a nonsensical exponent", () => {
    expect(() => formatMinorNumber(1n, -1)).toThrow(RangeError);
    expect(() => formatMinorNumber(1n, 1.5)).toThrow(RangeError);
  });
});

describe("formatFractionAsPercent", () => {
  it("moves the decimal point two places", () => {
    expect(formatFractionAsPercent("0.03")).toBe("3%");
    expect(formatFractionAsPercent("0.025")).toBe("2.5%");
    expect(formatFractionAsPercent("0.000001")).toBe("0.0001%");
    expect(formatFractionAsPercent("1")).toBe("100%");
    expect(formatFractionAsPercent("0")).toBe("0%");
  });
});
