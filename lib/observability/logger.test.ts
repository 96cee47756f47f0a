// lib/observability: request ids, the request context and the logger's redaction.
import { describe, expect, it } from "vitest";
import { createLogger, log, redactSecrets, setLogDestination } from "./logger";
import { currentRequestId, runWithRequestContext } from "./request-context";
import { isSafeRequestId, requestIdFrom } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function collect() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe("request ids", () => {
  it("takes a safe request-id or x-request-id from the caller", () => {
    expect(requestIdFrom(new Headers({ "request-id": "lb-0001.abc_DEF" }))).toBe("lb-0001.abc_DEF");
    expect(requestIdFrom(new Headers({ "x-request-id": "0123456789abcdef" }))).toBe("0123456789abcdef");
    expect(requestIdFrom(new Headers({ "request-id": "first-id-1", "x-request-id": "second-id-2" }))).toBe("first-id-1");
  });

  it("replaces a missing, short, long or unsafe one with a fresh UUID", () => {
    for (const value of [null, "", "short", "x".repeat(65), "has space in it", "new\nline-injected", '{"json":"id"}', "ünïcödé-id"]) {
      const headers = new Headers();
      if (value !== null) {
        try {
          headers.set("request-id", value);
        } catch {
          continue; // Headers itself refuses a newline.
        }
      }
      expect(requestIdFrom(headers)).toMatch(UUID);
      expect(isSafeRequestId(value)).toBe(false);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("logger", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const { lines, destination } = collect();
    createLogger({ destination, level: "info" }).info({ order_id: "pi_1" }, "hello");
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "info", msg: "hello", order_id: "pi_1", service: "jivapay", time: expect.any(String) });
  });

  it("puts the request context on every line written inside it, and nothing outside", async () => {
    const { lines, destination } = collect();
    const restore = setLogDestination(destination);
    try {
      await runWithRequestContext({ requestId: "req-ctx-0001", route: "/api/v1/payin", storeId: 7 }, async () => {
        expect(currentRequestId()).toBe("req-ctx-0001");
        await new Promise((resolve) => setTimeout(resolve, 1));
        log.info("inside, after an await");
      });
      log.info("outside");
    } finally {
      restore();
    }
    const [inside, outside] = lines.map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ request_id: "req-ctx-0001", route: "/api/v1/payin", store_id: 7, msg: "inside, after an await" });
    expect(outside.request_id).toBeUndefined();
    expect(currentRequestId()).toBeNull();
  });

  it("redacts credentials wherever they sit in the logged object", () => {
    const { lines, destination } = collect();
    const logger = createLogger({ destination, level: "trace" });
    const secrets = ["Bearer sk_live_SECRET1", "session=SECRET2", "SECRET3", "SECRET4", "SECRET5", "SECRET6", "SECRET7", "SECRET8", "SECRET9"];
    logger.info({ headers: { authorization: secrets[0], cookie: secrets[1], "x-api-key": secrets[2] } }, "headers");
    logger.info({ body: { email: "a@b.c", password: secrets[3], confirmPassword: secrets[3] } }, "body");
    logger.warn({ token: secrets[4], input: { otp: secrets[5] }, store: { webhookSecret: secrets[6] } }, "mixed");
    logger.error({ request: { headers: { Authorization: secrets[7] } }, apiKey: secrets[8] }, "deep");
    const text = lines.join("");
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain("a@b.c");
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(10);
  });

  it("redacts in one walk, copying only what changed and leaving the caller's object alone", () => {
    const logged = { order: { id: "pi_1", items: [{ token: "SECRET" }, { ok: 1 }] }, plain: { a: 1 }, at: new Date(0) };
    const clean = redactSecrets(logged);
    expect(clean).toEqual({ order: { id: "pi_1", items: [{ token: "[redacted]" }, { ok: 1 }] }, plain: { a: 1 }, at: new Date(0) });
    expect(logged.order.items[0].token).toBe("SECRET");
    expect(clean.plain).toBe(logged.plain);
    const untouched = { a: { b: 1 } };
    expect(redactSecrets(untouched)).toBe(untouched);
    // Below three levels a key is not looked at (as the old path list reached no deeper).
    expect(redactSecrets({ a: { b: { c: { d: { password: "x" } } } } }).a.b.c.d.password).toBe("x");
  });
});
