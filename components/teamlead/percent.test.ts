import { describe, expect, it } from "vitest";
import { formatPercent } from "./percent";

describe("formatPercent", () => {
  it("rounds to one decimal and formats per language", () => {
    expect(formatPercent(8, 10, "en")).toBe("80%");
    expect(formatPercent(2, 3, "en")).toBe("66.7%");
    expect(formatPercent(2, 3, "ru")).toBe("66,7\u00a0%");
    expect(formatPercent(0, 5, "en")).toBe("0%");
    expect(formatPercent(12, 10, "en")).toBe("120%");
  });

  it("is null without a denominator", () => {
    expect(formatPercent(0, 0, "en")).toBeNull();
  });
});
