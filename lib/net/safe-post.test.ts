import { spawn } from "node:child_process";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboundRequestError } from "./outbound-request-error";
import { safePost, type SafePostInput } from "./safe-post";

// A real HTTP server on 127.0.0.1 stands in for the remote end.
interface Seen {
  path: string;
  host: string | undefined;
  body: string;
}
const seen: Seen[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ path: req.url ?? "", host: req.headers.host, body });
    if (req.url === "/redirect") return res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
    if (req.url === "/slow") return setTimeout(() => res.writeHead(200).end(), 1000);
    res.writeHead(req.url === "/fail" ? 503 : 204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const input = (overrides: Partial<SafePostInput> = {}): SafePostInput => ({
  body: '{"hello":"world"}',
  headers: { "content-type": "application/json" },
  timeoutMs: 2000,
  allowedPrivateHosts: ["127.0.0.1"],
  ...overrides,
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(OutboundRequestError);
  return error as OutboundRequestError;
}

describe("safePost", () => {
  it("POSTs the body and returns the status", async () => {
    seen.length = 0;
    expect(await safePost(`http://127.0.0.1:${port}/ok`, input())).toBe(204);
    expect(await safePost(`http://127.0.0.1:${port}/fail`, input())).toBe(503);
    expect(seen.map((s) => [s.path, s.body])).toEqual([
      ["/ok", '{"hello":"world"}'],
      ["/fail", '{"hello":"world"}'],
    ]);
  });

  it("does not follow redirects", async () => {
    seen.length = 0;
    expect(await safePost(`http://127.0.0.1:${port}/redirect`, input())).toBe(302);
    expect(seen.map((s) => s.path)).toEqual(["/redirect"]);
  });

  it("sends nothing to a refused address", async () => {
    seen.length = 0;
    const error = await failure(safePost(`http://127.0.0.1:${port}/ok`, input({ allowedPrivateHosts: [] })));
    expect(error.reason).toBe("refused");
    expect(seen).toEqual([]);
  });

  it("connects to the address it checked, not to a later DNS answer (no rebinding)", async () => {
    seen.length = 0;
    // The first answer passes the guard; a second lookup would get 127.0.0.2, where nothing listens.
    let lookups = 0;
    const resolve = async () => [{ address: lookups++ === 0 ? "127.0.0.1" : "127.0.0.2", family: 4 }];
    const status = await safePost(`http://merchant.example:${port}/ok`, input({ resolve, allowedPrivateHosts: ["127.0.0.0/8"] }));
    expect(status).toBe(204);
    expect(lookups).toBe(1);
    expect(seen).toEqual([{ path: "/ok", host: `merchant.example:${port}`, body: '{"hello":"world"}' }]);
  });

  it("times out", async () => {
    const started = Date.now();
    const error = await failure(safePost(`http://127.0.0.1:${port}/slow`, input({ timeoutMs: 100 })));
    expect(error).toMatchObject({ reason: "timeout", message: "no response within 100 ms" });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("reports a refused connection as a network failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(safePost(`http://127.0.0.1:${closedPort}/`, input()));
    expect(error.reason).toBe("network");
    expect(error.message).toMatch(/^ECONNREFUSED/);
  });
});

describe("safePost connect timeout", () => {
  it("gives up on a connection that is never accepted after connectTimeoutMs, long before the response timeout", async () => {
    // A listener whose process is stopped with its accept queue full: the kernel drops further
    // SYNs, so a connection attempt hangs as it does to a host that is down or firewalled.
    const child = spawn(process.execPath, ["-e", `require("node:net").createServer().listen({ port: 0, host: "127.0.0.1", backlog: 1 }, function () { console.log(this.address().port); })`], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const stuckPort = Number(await new Promise<string>((resolve) => child.stdout!.once("data", (data) => resolve(String(data).trim()))));
      child.kill("SIGSTOP");
      const fillers: net.Socket[] = [];
      // Fill the queue until a connection no longer completes.
      for (let i = 0; i < 16; i++) {
        const socket = net.connect(stuckPort, "127.0.0.1");
        socket.on("error", () => {});
        fillers.push(socket);
        const connected = await new Promise<boolean>((resolve) => {
          socket.once("connect", () => resolve(true));
          setTimeout(() => resolve(false), 200);
        });
        if (!connected) break;
      }
      const started = Date.now();
      const error = await safePost(`http://127.0.0.1:${stuckPort}/hook`, input({ timeoutMs: 10_000, connectTimeoutMs: 300 })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutboundRequestError);
      expect(error).toMatchObject({ reason: "timeout", message: "no connection within 300 ms" });
      expect(Date.now() - started).toBeLessThan(2000);
      fillers.forEach((socket) => socket.destroy());
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("a connected but slow endpoint gets the whole response timeout", async () => {
    await expect(safePost(`http://127.0.0.1:${port}/slow`, input({ timeoutMs: 3000, connectTimeoutMs: 300 }))).resolves.toBe(200);
  });
});
