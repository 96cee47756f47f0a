import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { ERRORS, isErrorCode, type ErrorCode } from "@/lib/errors/catalogue";
import { buildOpenApiDocument } from "./openapi";

type ErrorSchema = { allOf?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }[] };
interface Operation {
  security: Record<string, unknown>[];
  parameters: { name: string; in: string }[];
  requestBody?: object;
  responses: Record<string, { description: string; headers?: object; content?: { "application/json": { schema: ErrorSchema } } }>;
  "x-error-codes": string[];
}

const operations = () =>
  Object.entries(buildOpenApiDocument().paths as Record<string, Record<string, Operation>>).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${route}`, route, method, operation })),
  );

/** The gateway's route handlers: app/api/v1/…/route.ts and the methods each exports, as "METHOD /api/v1/…/{id}". */
function routeHandlers(): string[] {
  const root = path.resolve(import.meta.dirname, "../../app/api/v1");
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts" && !file.startsWith("openapi.json"))
    .flatMap((file) => {
      const route = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const methods = [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      return methods.map((method) => `${method} ${route}`);
    })
    .sort();
}

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
    // The hosted payment page: where it returns the customer, and the page's address on every order.
    expect(payin.required).not.toContain("return_url");
    expect(payin.properties.return_url).toMatchObject({ format: "uri", maxLength: 2048 });
    expect(doc.components.schemas.Order.required).toContain("payment_url");
    expect(doc.components.schemas.Order.properties.payment_url).toBeDefined();
  });

  it("documents every gateway route handler, and nothing else", () => {
    expect(operations().map((o) => o.label).sort()).toEqual(routeHandlers());
  });

  describe("error codes", () => {
    it("lists only catalogue codes, each under its catalogue status with its sentence", () => {
      for (const { label, operation } of operations()) {
        const codes = operation["x-error-codes"];
        expect(codes.length, label).toBeGreaterThan(0);
        expect(codes.filter((code) => !isErrorCode(code)), label).toEqual([]);
        expect(new Set(codes).size, label).toBe(codes.length);
        for (const code of codes as ErrorCode[]) {
          const response = operation.responses[String(ERRORS[code].status)];
          expect(response, `${label} ${code}`).toBeDefined();
          expect(response.description, `${label} ${code}`).toContain(`\`${code}\`: ${ERRORS[code].sentence}`);
          expect(response.content?.["application/json"].schema.allOf?.[1].properties?.error?.properties?.code?.enum, `${label} ${code}`).toContain(code);
        }
        const errorStatuses = Object.keys(operation.responses).filter((status) => Number(status) >= 400);
        expect(errorStatuses.sort(), label).toEqual([...new Set(codes.map((code) => String(ERRORS[code as ErrorCode].status)))].sort());
      }
    });

    it("cover what every gateway request can meet: authentication, rate limit, body, validation, the order id", () => {
      for (const { label, method, route, operation } of operations()) {
        const codes = operation["x-error-codes"];
        const merchant = "merchantKey" in (operation.security[0] ?? {});
        const expected: ErrorCode[] = ["missing_api_key", "account_deactivated", merchant ? "invalid_api_key" : "invalid_api_token", "rate_limited"];
        if (merchant) expected.push("store_deactivated");
        if (method === "post") expected.push("invalid_json", "body_too_large");
        if (method === "post" && merchant) expected.push("idempotency_conflict", "idempotency_in_progress", "invalid_idempotency_key");
        if (operation.requestBody || operation.parameters.some((p) => p.in === "query")) expected.push("invalid_type", "invalid_value");
        if (route.includes("{id}")) expected.push("order_not_found");
        expect(codes, label).toEqual(expect.arrayContaining(expected));
      }
    });

    it("sends Retry-After with a rate limit", () => {
      for (const { label, operation } of operations()) expect(operation.responses["429"], label).toMatchObject({ headers: { "Retry-After": expect.any(Object) } });
    });
  });
});
