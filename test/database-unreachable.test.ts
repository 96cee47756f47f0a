import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";

// This file's database is replaced by an address where nothing listens, before lib/db/client
// is first imported (dynamic imports below): liveness still answers, readiness fails cleanly.
beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  process.env.DATABASE_URL = `postgresql://jivapay:jivapay@127.0.0.1:${port}/jivapay`;
});

describe("health and readiness when the database is down", () => {
  it("databaseAnswers is false, within its timeout", async () => {
    const { databaseAnswers } = await import("@/lib/db/health");
    const started = Date.now();
    expect(await databaseAnswers(3000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it("GET /api/health still answers 200: liveness does not depend on the database (/api/ready does)", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready answers 503 db unreachable, without connection details, within its timeout", async () => {
    const { GET } = await import("@/app/api/ready/route");
    const started = Date.now();
    const response = await GET();
    expect(Date.now() - started).toBeLessThan(3500);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "not_ready", db: "unreachable" });
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/i);
    expect(response.headers.get("request-id")).toBeTruthy();
  });
});
