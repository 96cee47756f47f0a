// The client IP cannot be forged, over real HTTP against `npm start`: the per-IP rate limit of
// the gateway counts the machine that connected (the hop scripts/peer-address.cjs appends to
// X-Forwarded-For; the run has no TRUSTED_PROXIES, i.e. `none`), so a new X-Forwarded-For (or
// X-Real-IP) on every request does not open a new bucket. Each request here leaves from its own
// loopback address (127.x.y.z, all of which reach the server on Linux), so filling that
// address's bucket throttles no other spec.
import crypto from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { withDb } from "../helpers/db";

/** A loopback address of this test's own: 127.<random>.<random>.<2..250>. */
const loopback = () => `127.${crypto.randomInt(1, 255)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(2, 251)}`;

interface Sent {
  status: number;
  code: string | undefined;
}

/** GET without an API key from `from`, with the given forging headers. */
function getBalance(port: number, from: string, headers: Record<string, string>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: "/api/v1/balance", localAddress: from, agent: false, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        let code: string | undefined;
        try {
          code = JSON.parse(body).error?.code;
        } catch {
          /* not JSON */
        }
        resolve({ status: response.statusCode ?? 0, code });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

const bucketCount = (key: string) =>
  withDb(async (db) => Number((await db.query<{ n: string }>("SELECT coalesce(sum(count), 0) AS n FROM rate_limit_buckets WHERE key = $1", [key])).rows[0].n));

test("a forged X-Forwarded-For does not escape the per-IP rate limit", async ({ baseURL }) => {
  const base = new URL(baseURL!);
  test.skip(!["localhost", "127.0.0.1"].includes(base.hostname), "needs the app on this machine (requests leave from chosen loopback addresses)");
  const port = Number(base.port);
  const [peer, other] = [loopback(), loopback()];
  const forged = ["203.0.113.10", `${other}`, "127.0.0.1", "2001:db8::7", "198.51.100.1, 10.0.0.1", "garbage", "::ffff:203.0.113.11"];

  try {
    // A first request (no key: 401, but counted against the IP, as key guessing is) is counted
    // for the connecting address, not for the forged one.
    const first = await getBalance(port, peer, { "x-forwarded-for": forged[0] });
    expect(first).toEqual({ status: 401, code: "missing_api_key" });
    expect(await bucketCount(`ip:${peer}`)).toBe(1);
    expect(await bucketCount(`ip:${forged[0]}`)).toBe(0);

    // The address uses up its limit (whatever the setting: it is at most 1 000 000) in this
    // window and the next, so the minute turning over mid-test changes nothing.
    await withDb(async (db) => {
      const now = Date.now();
      const windows = [0, 1].map((i) => new Date(now - (now % 60_000) + i * 60_000));
      for (const window of windows) {
        await db.query(
          `INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ($1, $2, 1000000)
           ON CONFLICT (key, window_start) DO UPDATE SET count = 1000000`,
          [`ip:${peer}`, window],
        );
      }
    });

    // A different forged X-Forwarded-For (and X-Real-IP) every time: still 429.
    for (const value of forged) {
      const sent = await getBalance(port, peer, { "x-forwarded-for": value, "x-real-ip": value.split(",")[0] });
      expect(sent, `X-Forwarded-For: ${value}`).toEqual({ status: 429, code: "rate_limited" });
    }
    // Another machine sending the very same headers is not limited: the limit follows the peer.
    expect(await getBalance(port, other, { "x-forwarded-for": peer })).toEqual({ status: 401, code: "missing_api_key" });
    // No forged address got a bucket of its own (127.0.0.1 is left out: other specs connect from it).
    for (const address of ["203.0.113.10", "2001:db8::7", "198.51.100.1", "10.0.0.1", "203.0.113.11"]) expect(await bucketCount(`ip:${address}`), address).toBe(0);
  } finally {
    await withDb((db) => db.query("DELETE FROM rate_limit_buckets WHERE key = ANY($1::text[])", [[`ip:${peer}`, `ip:${other}`]]));
  }
});
