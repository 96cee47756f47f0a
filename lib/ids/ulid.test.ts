import { describe, expect, it } from "vitest";
import { newOrderId, orderIdTime } from "./ulid";

describe("newOrderId", () => {
  it("is a pi_/po_ prefix and a 26-character Crockford base32 ULID", () => {
    expect(newOrderId("payin")).toMatch(/^pi_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newOrderId("payout")).toMatch(/^po_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newOrderId("payin").length).toBeLessThanOrEqual(32); // incoming_orders.id is VARCHAR(32)
  });

  it("encodes the creation time, so ids sort by time", () => {
    const date = new Date("2026-11-08T10:15:30.123Z");
    expect(orderIdTime(newOrderId("payin", date))).toEqual(date);
    const times = [0, 1, 31, 32, 1_700_000_000_000, 1_700_000_000_001, 2 ** 48 - 1].map((t) => new Date(t));
    const ids = times.map((t) => newOrderId("payin", t));
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0].slice(3, 13)).toBe("0000000000");
    expect(ids.at(-1)!.slice(3, 13)).toBe("7ZZZZZZZZZ");
  });

  it("is reproducible with given random bytes and unique without", () => {
    const zeros = () => new Uint8Array(10);
    const date = new Date(1_000);
    expect(newOrderId("payin", date, zeros)).toBe(newOrderId("payin", date, zeros));
    expect(newOrderId("payin", date, zeros).slice(-16)).toBe("0000000000000000");
    expect(newOrderId("payin", date, () => new Uint8Array(10).fill(255)).slice(-16)).toBe("ZZZZZZZZZZZZZZZZ");
    const ids = new Set(Array.from({ length: 1000 }, () => newOrderId("payin", date)));
    expect(ids.size).toBe(1000);
  });

  it("refuses times it cannot encode", () => {
    expect(() => newOrderId("payin", new Date(Number.NaN))).toThrow(RangeError);
    expect(() => newOrderId("payin", new Date(-1))).toThrow(RangeError);
  });
});
