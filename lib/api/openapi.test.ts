import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(buildOpenApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents the handlers' own validation rules", () => {
    const doc = buildOpenApiDocument() as unknown as { components: { schemas: Record<string, { properties: Record<string, { maxLength?: number; maximum?: number }>; required: string[] }> } };
    const payin = doc.components.schemas.CreatePayin;
    expect(payin.required).toEqual(expect.arrayContaining(["amount", "currency", "customer_id", "merchant_order_id"]));
    expect(payin.properties.customer_id.maxLength).toBe(128);
    expect(payin.properties.amount.maximum).toBe(10_000_000_000_000);
  });
});
