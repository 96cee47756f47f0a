import { describe, expect, it } from "vitest";
import { beyondTimeCursor, clampLimit, decodeTimeCursor, encodeTimeCursor, idCursor, toPage } from "./keyset";

describe("keyset pagination", () => {
  const at = new Date("2026-03-01T10:20:30.456Z");

  it("round-trips a time cursor for each id form", () => {
    expect(decodeTimeCursor(encodeTimeCursor({ at, id: "pi_01HZZ" }), "order")).toEqual({ at, id: "pi_01HZZ" });
    expect(decodeTimeCursor(encodeTimeCursor({ at, id: 9_007_199_254_740_993n }), "bigint")).toEqual({ at, id: 9_007_199_254_740_993n });
    expect(decodeTimeCursor(encodeTimeCursor({ at, id: 42 }), "int")).toEqual({ at, id: 42 });
  });

  it("reads anything else as no cursor (the first page)", () => {
    for (const text of [undefined, null, "", "not-a-cursor", "zzzzzzzzzzzz.1", ".1", "lx.", "LX.1", "-1.1", "lx.1 OR 1=1", "lx.<script>"]) {
      expect(decodeTimeCursor(text, "bigint")).toBeNull();
    }
    expect(decodeTimeCursor(encodeTimeCursor({ at, id: "x_1" }), "order")).toBeNull();
    expect(decodeTimeCursor(encodeTimeCursor({ at, id: 12_345_678_901 }), "int")).toBeNull();
  });

  it("bounds the index range and breaks ties on id, in either direction", () => {
    expect(beyondTimeCursor({ at, id: 7 }, "createdAt")).toEqual({ createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { lt: 7 } }] });
    expect(beyondTimeCursor({ at, id: 7 }, "processedAt", true)).toEqual({ processedAt: { gte: at }, OR: [{ processedAt: { gt: at } }, { id: { gt: 7 } }] });
  });

  it("clamps page sizes and cuts a page from limit + 1 rows", () => {
    expect([clampLimit(undefined), clampLimit(0), clampLimit(-3), clampLimit(10_000), clampLimit(7.9)]).toEqual([50, 50, 1, 200, 7]);
    expect(toPage([1, 2, 3], 2, String)).toEqual({ rows: [1, 2], nextCursor: "2" });
    expect(toPage([1, 2], 2, String)).toEqual({ rows: [1, 2], nextCursor: null });
    expect([idCursor("12"), idCursor("x"), idCursor(undefined), idCursor("1234567890")]).toEqual([12, undefined, undefined, undefined]);
  });
});
