import { describe, expect, it } from "vitest";
import { luhnCheckDigit, luhnValid } from "./luhn";

describe("Luhn", () => {
  it("computes the check digit of known card numbers", () => {
    expect(luhnCheckDigit("411111111111111")).toBe("1"); // Visa test card 4111 1111 1111 1111
    expect(luhnCheckDigit("220000000000000")).toBe("4");
    expect(luhnCheckDigit("7992739871")).toBe("3");
  });

  it("accepts numbers that end in their check digit and refuses a mistyped digit", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("2200000000000001")).toBe(false);
    expect(luhnValid("4111 1111 1111 1111")).toBe(false);
  });
});
