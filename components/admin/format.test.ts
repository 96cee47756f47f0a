import { describe, expect, it } from "vitest";
import { formatDuration, formatRatio } from "./format";

describe("dashboard formats", () => {
  it("formats ratios as percentages with one decimal", () => {
    expect(formatRatio(2, 3, "en")).toBe("66.7%");
    expect(formatRatio(2, 3, "ru")).toBe("66,7%");
    expect(formatRatio(1, 8, "en")).toBe("12.5%");
    expect(formatRatio(5, 5, "en")).toBe("100.0%");
    expect(formatRatio(0, 7, "en")).toBe("0.0%");
    expect(formatRatio(1, 0, "en")).toBe("—");
  });

  it("formats durations", () => {
    expect(formatDuration(200)).toBe("3:20");
    expect(formatDuration(5)).toBe("0:05");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});
