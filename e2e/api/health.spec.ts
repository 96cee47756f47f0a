import { expect, test } from "@playwright/test";

test("GET /api/health answers ok (liveness: the process serves)", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ status: "ok" });
});
