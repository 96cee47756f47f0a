import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";

// This file's database is replaced by an address where nothing listens, before lib/db/client
// is first imported (dynamic imports below), to see the health check fail cleanly.
beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  process.env.DATABASE_URL = `postgresql://jivapay:jivapay@127.0.0.1:${port}/jivapay`;
});

describe("health when the database is down", () => {
  it("databaseAnswers is false, within its timeout", async () => {
    const { databaseAnswers } = await import("@/lib/db/health");
    const started = Date.now();
    expect(await databaseAnswers(3000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it("GET /api/health returns 503 without details", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "error" });
    expect(body.db).not.toBe("ok");
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/i);
  });
});
