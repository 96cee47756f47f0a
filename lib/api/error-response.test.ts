import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { ERRORS } from "@/lib/errors/catalogue";
import { describeClientError, handleApiError } from "./error-response";

describe("describeClientError", () => {
  it("answers a domain error with its catalogue status, kind, code, message and param", () => {
    expect(describeClientError(new DomainError("order_not_found", "No order pi_x.", { param: "id" }))).toEqual({
      status: 404,
      body: { error: { type: "not_found", code: "order_not_found", message: "No order pi_x.", param: "id" } },
      headers: undefined,
    });
    expect(describeClientError(new DomainError("invalid_json"))?.body).toEqual({ error: { type: "malformed_request", code: "invalid_json", message: ERRORS.invalid_json.sentence } });
  });

  it("sends Retry-After for a rate limit, never as param", () => {
    expect(describeClientError(new DomainError("rate_limited", "Too many requests. Retry after 12 s.", { retryAfterSeconds: 12 }))).toEqual({
      status: 429,
      body: { error: { type: "rate_limited", code: "rate_limited", message: "Too many requests. Retry after 12 s." } },
      headers: { "retry-after": "12" },
    });
    expect(describeClientError(new DomainError("rate_limited"))?.headers).toEqual({ "retry-after": "60" });
  });

  it("answers a validation error as invalid_type or invalid_value naming the field", () => {
    const schema = z.object({ amount: z.number().positive() });
    const wrongType = describeClientError(schema.safeParse({ amount: "1" }).error);
    expect([wrongType?.status, wrongType?.body.error.type, wrongType?.body.error.code, wrongType?.body.error.param]).toEqual([422, "invalid_request", "invalid_type", "amount"]);
    const wrongValue = describeClientError(schema.safeParse({ amount: -1 }).error);
    expect([wrongValue?.status, wrongValue?.body.error.code, wrongValue?.body.error.param]).toEqual([422, "invalid_value", "amount"]);
  });

  it("leaves anything else to a 500", async () => {
    expect(describeClientError(new Error("bug"))).toBeNull();
    const original = console.error;
    console.error = () => {};
    try {
      const response = handleApiError(new Error("bug"));
      expect(response.status).toBe(500);
      expect((await response.json()).error.code).toBe("internal_error");
    } finally {
      console.error = original;
    }
  });
});
