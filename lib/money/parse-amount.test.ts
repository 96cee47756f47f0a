import { describe, expect, it } from "vitest";
import { decimalToMinor, normalizeDecimalInput, parseAmountInput } from "./parse-amount";

describe("parseAmountInput", () => {
  it("reads amounts as people type them, in either language, exactly", () => {
    expect(parseAmountInput("1 234,50", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1\u00a0234,5", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1\u2009234,5", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1234.50", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1,234.50", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1,234.50", 2, "en")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1.234,50", 2, "en")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1,234", 2, "en")).toEqual({ ok: true, minor: 123_400n });
    expect(parseAmountInput("1,234,567.5", 2, "en")).toEqual({ ok: true, minor: 123_456_750n });
    expect(parseAmountInput("1'234.5", 2, "en")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmountInput("1,234", 6, "ru")).toEqual({ ok: true, minor: 1_234_000n });
    expect(parseAmountInput("12.", 6, "en")).toEqual({ ok: true, minor: 12_000_000n });
    expect(parseAmountInput("12.345678", 6, "en")).toEqual({ ok: true, minor: 12_345_678n });
    expect(parseAmountInput("0.000001", 6, "en")).toEqual({ ok: true, minor: 1n });
    expect(parseAmountInput("100", 6, "en")).toEqual({ ok: true, minor: 100_000_000n });
    // Far beyond 2^53: no precision lost.
    expect(parseAmountInput("123456789012.345678", 6, "en")).toEqual({ ok: true, minor: 123_456_789_012_345_678n });
    expect(parseAmountInput("123456789012345678.123456", 6, "en")).toEqual({ ok: true, minor: 123_456_789_012_345_678_123_456n });
  });

  it("refuses what is not an amount, and more decimals than the currency has", () => {
    for (const text of ["", "abc", "-5", "1e3", "1,2,3", "1..2", "1.2.3", "0x10", "１２", "١٢", ".5"]) {
      expect(parseAmountInput(text, 2, "ru"), text).toEqual({ ok: false, reason: "invalid" });
      expect(parseAmountInput(text, 6, "en"), text).toEqual({ ok: false, reason: "invalid" });
    }
    // A comma that groups must group thousands: "1,23" is a typo for 1.23 or 123, not a guess.
    expect(parseAmountInput("1,23", 2, "en")).toEqual({ ok: false, reason: "invalid" });
    expect(parseAmountInput("1,234,5", 2, "ru")).toEqual({ ok: false, reason: "invalid" });
    expect(parseAmountInput("1".repeat(31), 0, "en")).toEqual({ ok: false, reason: "invalid" });
    expect(parseAmountInput("1.001", 2, "en")).toEqual({ ok: false, reason: "too_precise" });
    expect(parseAmountInput("12.3456789", 6, "en")).toEqual({ ok: false, reason: "too_precise" });
    expect(parseAmountInput("0.0000001", 6, "en")).toEqual({ ok: false, reason: "too_precise" });
    expect(parseAmountInput("1.000", 2, "en")).toEqual({ ok: true, minor: 100n });
  });

  it("normalises to a canonical decimal and rounds filter bounds on request", () => {
    expect(normalizeDecimalInput(" 2 500,75 ", "ru")).toBe("2500.75");
    expect(normalizeDecimalInput("2,500", "en")).toBe("2500");
    expect(normalizeDecimalInput("2,5", "en")).toBeNull();
    expect(decimalToMinor("10.005", 2, "ceil")).toBe(1001n);
    expect(decimalToMinor("10.005", 2, "floor")).toBe(1000n);
    expect(decimalToMinor("10.005", 2)).toBeNull();
    expect(decimalToMinor("10.000", 2, "ceil")).toBe(1000n);
    expect(decimalToMinor("10,5", 2)).toBeNull();
  });
});
