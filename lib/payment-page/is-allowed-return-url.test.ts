import { describe, expect, it } from "vitest";
import { parseEnv, returnUrlHttpHosts } from "@/lib/env";
import { createPayinSchema } from "@/lib/api/schemas/payin";
import { isAllowedReturnUrl } from "./is-allowed-return-url";

const DEV_HOSTS = ["localhost", "127.0.0.1"];

describe("return_url", () => {
  it("takes https anywhere, and plain http only to the development hosts", () => {
    expect(isAllowedReturnUrl("https://shop.example/thanks?order=1", DEV_HOSTS)).toBe(true);
    expect(isAllowedReturnUrl("http://127.0.0.1:4000/return", DEV_HOSTS)).toBe(true);
    expect(isAllowedReturnUrl("http://localhost/return", DEV_HOSTS)).toBe(true);
    expect(isAllowedReturnUrl("http://evil.example/return", DEV_HOSTS)).toBe(false);
    expect(isAllowedReturnUrl("http://127.0.0.1:4000/return", [])).toBe(false);
  });

  it("refuses every other scheme, credentials and things that are not URLs", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript://%0aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://shop.example/",
      "https://user:pass@shop.example/",
      "//shop.example/return",
      "/return",
      "not a url",
    ]) {
      expect(isAllowedReturnUrl(url, DEV_HOSTS), url).toBe(false);
    }
  });

  it("is checked by the pay-in schema, naming the param", () => {
    const body = { amount: 150_000, currency: "RUB", customer_id: "c", merchant_order_id: "m" };
    expect(createPayinSchema.parse({ ...body, return_url: "https://shop.example/done" }).return_url).toBe("https://shop.example/done");
    // Outside production (as under test) the local machine may be reached over http.
    expect(createPayinSchema.safeParse({ ...body, return_url: "http://127.0.0.1:5000/return" }).success).toBe(true);
    for (const url of ["http://evil.example/return", "javascript:alert(1)", `https://shop.example/${"a".repeat(2048)}`]) {
      const result = createPayinSchema.safeParse({ ...body, return_url: url });
      expect(result.success, url).toBe(false);
      expect(result.error!.issues[0].path, url).toEqual(["return_url"]);
    }
  });

  it("allows http to localhost and 127.0.0.1 by default outside production, to none in production, to the configured list when set", () => {
    const demo = { NODE_ENV: "production" };
    const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://db/jivapay" };
    expect(returnUrlHttpHosts(demo, parseEnv(demo))).toEqual(DEV_HOSTS);
    expect(returnUrlHttpHosts(production, parseEnv(production))).toEqual([]);
    const configured = { ...production, RETURN_URL_HTTP_HOSTS: "Shop.Test, 10.0.0.5" };
    expect(returnUrlHttpHosts(configured, parseEnv(configured))).toEqual(["shop.test", "10.0.0.5"]);
    expect(() => parseEnv({ RETURN_URL_HTTP_HOSTS: "http://x/" })).toThrow(/RETURN_URL_HTTP_HOSTS/);
  });
});
