import { describe, expect, it } from "vitest";
import { fractionSchema, jsonText, rateSchema, storeLimitsSchema } from "./schemas";
import { parseSettingInput, settingKind, settingText } from "@/lib/settings/setting-kind";

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
    const limits = jsonText(storeLimitsSchema);
    expect(limits.parse('{"payin": {"min": 10}}')).toEqual({ payin: { min: 10 } });
    expect(limits.safeParse("{payin: {min: 10}}").error?.issues[0].message).toBe("admin.validation.json");
    expect(jsonText(storeLimitsSchema).safeParse('{"payin": {"min": 10, "max": 5}}').error?.issues[0].message).toBe("admin.validation.minAboveMax");
  });
});
