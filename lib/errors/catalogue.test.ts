import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERRORS, KIND_STATUS, isErrorCode, type DomainErrorKind, type ErrorCode } from "./catalogue";
import { DomainError } from "./domain-error";
import { errorsReadme } from "./errors-readme";

const entries = Object.entries(ERRORS) as [ErrorCode, (typeof ERRORS)[ErrorCode]][];

describe("the error catalogue", () => {
  it("names every code in snake_case", () => {
    expect(entries.map(([code]) => code).filter((code) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code))).toEqual([]);
  });

  it("lists each code once", () => {
    // An object literal keeps the last of two equal keys silently; count them in the source.
    const source = fs.readFileSync(path.join(import.meta.dirname, "catalogue.ts"), "utf8");
    const keys = [...source.slice(source.indexOf("export const ERRORS")).matchAll(/^ {2}([a-z0-9_]+): /gm)].map((m) => m[1]);
    expect(keys.length).toBe(entries.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives every code a 4xx status, the one of its kind", () => {
    for (const [code, entry] of entries) {
      expect(entry.status, code).toBe(KIND_STATUS[entry.kind]);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(500);
    }
  });

  it("maps each kind to one status and uses every kind", () => {
    const statusOf = new Map<DomainErrorKind, Set<number>>();
    for (const [, { kind, status }] of entries) statusOf.set(kind, new Set([...(statusOf.get(kind) ?? []), status]));
    expect([...statusOf.keys()].sort()).toEqual(Object.keys(KIND_STATUS).sort());
    for (const [kind, statuses] of statusOf) expect([...statuses], kind).toEqual([KIND_STATUS[kind]]);
  });

  it("says what happened or what to do in one sentence per code", () => {
    for (const [code, { sentence }] of entries) {
      expect(sentence, code).toMatch(/^[A-Z`].*[.)]$/);
      expect(sentence, code).not.toMatch(/\n/);
      expect(sentence.length, code).toBeLessThanOrEqual(160);
    }
  });

  it("knows its codes", () => {
    expect(isErrorCode("order_not_found")).toBe(true);
    expect(isErrorCode("no_such_code")).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
  });

  it("is the README's errors table", () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme, "README.md is out of date: run npm run docs").toContain(errorsReadme().block);
  });
});

describe("DomainError", () => {
  it("takes its kind, status and default message from the catalogue", () => {
    const error = new DomainError("invalid_json");
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, kind: error.kind, status: error.status, code: error.code, message: error.message, param: error.param }).toEqual({
      name: "DomainError",
      kind: "malformed_request",
      status: 400,
      code: "invalid_json",
      message: ERRORS.invalid_json.sentence,
      param: undefined,
    });
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it("keeps a specific message, the param and the cause", () => {
    const cause = new Error("unique violation");
    const error = new DomainError("duplicate_merchant_order_id", "An order with merchant_order_id m-1 already exists.", { param: "merchant_order_id", cause });
    expect([error.kind, error.status, error.message, error.param, error.cause]).toEqual(["conflict", 409, "An order with merchant_order_id m-1 already exists.", "merchant_order_id", cause]);
  });

  it("carries Retry-After apart from param, the catalogue's default when not given", () => {
    const given = new DomainError("rate_limited", "Too many requests. Retry after 7 s.", { retryAfterSeconds: 7 });
    expect([given.kind, given.status, given.retryAfterSeconds, given.param]).toEqual(["rate_limited", 429, 7, undefined]);
    expect(new DomainError("rate_limited").retryAfterSeconds).toBe(60);
  });

  it("refuses a code the catalogue does not have", () => {
    expect(() => new DomainError("no_such_code" as ErrorCode)).toThrow(/catalogue/);
  });

  it("lets subclasses add fields", () => {
    class WithBound extends DomainError {
      constructor(readonly bound: string) {
        super("payin_commission_below_reward", `Must be at least ${bound}.`, { param: "payinCommission" });
      }
    }
    const error = new WithBound("0.05");
    expect(error).toBeInstanceOf(DomainError);
    expect([error.kind, error.status, error.param, error.bound, error.message]).toEqual(["invalid_request", 422, "payinCommission", "0.05", "Must be at least 0.05."]);
  });
});
