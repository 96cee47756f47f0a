import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { databaseAnswers } from "@/lib/db/health";

describe("health", () => {
  it("databaseAnswers is true when the database answers", async () => {
    expect(await databaseAnswers()).toBe(true);
  });

  it("GET /api/health returns 200 ok, never cached", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
