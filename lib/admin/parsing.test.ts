import { describe, expect, it } from "vitest";
import { fractionSchema, grantedPermissionsSchema, jsonText, rateSchema, storeLimitsSchema } from "./schemas";
import { parseAmount } from "./parse-amount";
import { parseSettingInput, settingKind, settingText } from "./setting-kind";

describe("parseAmount", () => {
  it("reads English and Russian notation exactly", () => {
    expect(parseAmount("1,234.50", 2, "en")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmount("1 234,50", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmount("1\u00a0234,5", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmount("1234.50", 2, "ru")).toEqual({ ok: true, minor: 123_450n });
    expect(parseAmount("12.345678", 6, "en")).toEqual({ ok: true, minor: 12_345_678n });
    expect(parseAmount("0.000001", 6, "en")).toEqual({ ok: true, minor: 1n });
    expect(parseAmount("100", 6, "en")).toEqual({ ok: true, minor: 100_000_000n });
    expect(parseAmount("123456789012345678.123456", 6, "en")).toEqual({ ok: true, minor: 123_456_789_012_345_678_123_456n });
  });

  it("refuses what it cannot read exactly", () => {
    expect(parseAmount("12.3456789", 6, "en")).toEqual({ ok: false, reason: "decimals" });
    expect(parseAmount("1,23", 2, "en")).toEqual({ ok: false, reason: "format" });
    for (const text of ["", "-5", "1e6", "abc", "1.2.3", "0x10", "١٢"]) expect(parseAmount(text, 6, "en")).toMatchObject({ ok: false });
    expect(parseAmount("1,234,5", 2, "ru")).toMatchObject({ ok: false });
  });
});

describe("setting editors", () => {
  it("picks the editor from the key's schema", () => {
    expect(settingKind("order.payment_ttl_seconds")).toBe("number");
    expect(settingKind("matching.paused")).toBe("boolean");
    expect(settingKind("commission.default_trader_payin_reward")).toBe("string");
    expect(settingKind("rates.manual")).toBe("json");
    expect(settingKind("callbacks.retry_schedule_seconds")).toBe("json");
  });

  it("turns posted text into the value to validate", () => {
    expect(parseSettingInput("number", " 1200 ")).toEqual({ ok: true, value: 1200 });
    expect(parseSettingInput("number", "2.5")).toEqual({ ok: true, value: 2.5 });
    expect(parseSettingInput("number", "1e3")).toEqual({ ok: false, reason: "number" });
    expect(parseSettingInput("number", "")).toEqual({ ok: false, reason: "number" });
    expect(parseSettingInput("boolean", "true")).toEqual({ ok: true, value: true });
    expect(parseSettingInput("boolean", "yes")).toEqual({ ok: false, reason: "boolean" });
    expect(parseSettingInput("json", '{"RUB": "92.50"}')).toEqual({ ok: true, value: { RUB: "92.50" } });
    expect(parseSettingInput("json", "[1, 2,]")).toEqual({ ok: false, reason: "json" });
    expect(settingText("json", ["a"])).toBe('[\n  "a"\n]');
  });
});

describe("admin schemas", () => {
  it("normalises fractions and rates", () => {
    expect(fractionSchema.parse("0.0300")).toBe("0.03");
    expect(fractionSchema.parse(" 0,5 ")).toBe("0.5");
    expect(fractionSchema.parse("0")).toBe("0");
    expect(fractionSchema.safeParse("1").success).toBe(false);
    expect(rateSchema.parse("92.50")).toBe("92.5");
    expect(rateSchema.parse("100")).toBe("100");
    expect(rateSchema.safeParse("0.0000000000").success).toBe(false);
  });

  it("reads JSON text into the schema, with a field error for bad JSON", () => {
    const permissions = jsonText(grantedPermissionsSchema);
    expect(permissions.parse('{"orders.read": true}')).toEqual({ "orders.read": true });
    expect(permissions.safeParse("{orders.read: true}").error?.issues[0].message).toBe("admin.validation.json");
    expect(jsonText(storeLimitsSchema).safeParse('{"payin": {"min": 10, "max": 5}}').error?.issues[0].message).toBe("admin.validation.minAboveMax");
  });
});
