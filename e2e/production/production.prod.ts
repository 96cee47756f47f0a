// The production server (`npm start` on DATABASE_URL: the standalone build) on an empty database
// of Debian's PostgreSQL, as an operator meets it: no demo login and no demo key work, the first
// admin comes from `npm run admin:create` and signs in with TOTP, every response carries the security headers, the
// server reports itself ready with the migrations current, /api/metrics speaks Prometheus to the
// holder of METRICS_TOKEN only, and a pay-in goes through the gateway end to end.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIResponse } from "@playwright/test";
import { totpCode, totpStep } from "../../lib/auth/totp";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { LOGIN_ERROR, submitLogin, waitForHydration } from "../helpers/cabinets";
import { uniqueId } from "../helpers/db";
import { enrol, signInWithCode } from "../helpers/two-factor";
import { PRODUCTION_METRICS_TOKEN, productionDatabaseUrl, withProductionDb } from "./environment";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Runs a TypeScript entry point of ours against the production database, as `npm run …` would. */
async function runScript(file: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [TSX, "--conditions=react-server", file, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: productionDatabaseUrl(), ...env },
    timeout: 60_000,
  });
  return stdout;
}

test.describe.configure({ mode: "serial" });

test("an empty operator database gets reference data and settings, and no demo data", async ({ request }) => {
  const state = await withProductionDb(async (db) => {
    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);
    return {
      users: await count("SELECT count(*) AS n FROM users"),
      apiKeys: await count("SELECT count(*) AS n FROM merchant_api_keys"),
      demoMarker: await count("SELECT count(*) AS n FROM configuration_settings WHERE key = 'system.demo_seed'"),
      loopbackCallbacks: (await db.query("SELECT value FROM configuration_settings WHERE key = 'callbacks.allowed_private_hosts'")).rows[0]?.value,
      settings: await count("SELECT count(*) AS n FROM configuration_settings"),
      currencies: await count("SELECT count(*) AS n FROM currencies WHERE code IN ('RUB', 'USDT')"),
      roles: await count("SELECT count(*) AS n FROM roles"),
    };
  });
  expect(state).toMatchObject({ users: 0, apiKeys: 0, demoMarker: 0, currencies: 2, roles: 5, loopbackCallbacks: [] });
  expect(state.settings).toBeGreaterThan(20);

  const payin = await request.post("/api/v1/payin", {
    headers: bearer(DEMO_LOGINS.merchantApiKey),
    data: { amount: 100_000, currency: "RUB", customer_id: "c1", merchant_order_id: uniqueId("prod") },
  });
  expect(payin.status()).toBe(401);
  expect((await payin.json()).error.code).toBe("invalid_api_key");
  expect((await request.get("/api/v1/trader/orders", { headers: bearer(DEMO_LOGINS.traderApiToken) })).status()).toBe(401);
});

test("the demo logins do not sign in", async ({ page }) => {
  await submitLogin(page, DEMO_LOGINS.users[0].email, DEMO_LOGINS.password);
  await expect(page.getByRole("alert").filter({ hasText: LOGIN_ERROR })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
});

test("security headers on pages, API responses and errors", async ({ request }) => {
  for (const url of ["/login", "/api/health", "/api/v1/balance", "/no-such-page"]) {
    const response = await request.get(url);
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBeTruthy();
    expect(headers["permissions-policy"], url).toBeTruthy();
  }
  expect((await request.get("/login")).headers()["content-security-policy"]).toMatch(/script-src[^;]*'nonce-[A-Za-z0-9+/=_-]+'/);
});

test("ready with the migrations current; metrics only with METRICS_TOKEN", async ({ request }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status(), await ready.text()).toBe(200);
  expect(await ready.json()).toMatchObject({ db: "ok", migrations: "current" });

  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: bearer("not-the-token") })).status()).toBe(401);
  const metrics = await request.get("/api/metrics", { headers: bearer(PRODUCTION_METRICS_TOKEN) });
  expect(metrics.status()).toBe(200);
  expect(metrics.headers()["content-type"]).toContain("text/plain");
  const text = await metrics.text();
  expect(text).toMatch(/^# HELP /m);
  expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
  expect(text).toMatch(/^jivapay_callback_queue_depth(\{[^}]*\})? \d+/m);
});

test("npm run admin:create prints a one-time link that lets the first admin in, with two-factor sign-in", async ({ page, baseURL }) => {
  const email = `${uniqueId("ops")}@example.com`;
  const output = await runScript("scripts/admin-create.ts", ["--email", email, "--name", "Olga Operator"], { NEXTAUTH_URL: baseURL! });
  const link = output.match(/https?:\/\/\S+\/invite\?token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, output).toBeTruthy();
  expect(output).not.toMatch(/password:/i);

  // Before the link is used the account cannot sign in.
  await withProductionDb(async (db) => {
    const { rows } = await db.query("SELECT u.is_active FROM users u WHERE u.email = $1", [email]);
    expect(rows).toEqual([{ is_active: false }]);
  });

  const password = `first-admin-${Date.now()}`;
  await page.goto(link!);
  const submit = page.getByRole("button", { name: "Activate my account" });
  await waitForHydration(submit);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await submit.click();
  await expect(page.getByText("Your account is active")).toBeVisible();

  // The link works once.
  await page.goto(link!);
  await expect(page.getByRole("button", { name: "Activate my account" })).toHaveCount(0);

  // Admins must use two-factor sign-in here (security.require_2fa_roles defaults to admin and
  // support): the first sign-in leads to the enrolment page, and nowhere else, until it is done.
  await submitLogin(page, email, password);
  await page.waitForURL((url) => url.pathname === "/account/security");
  await expect(page.getByTestId("two-factor-setup-required")).toBeVisible();
  await page.goto("/admin/users");
  await page.waitForURL((url) => url.pathname === "/account/security");

  const { secret } = await enrol(page);
  await signInWithCode(page, email, totpCode(secret, totpStep() + 1), password);
  await page.waitForURL((url) => url.pathname === "/admin");
  await expect(page.locator('main[data-cabinet="admin"]')).toBeVisible();
  const enrolled = await withProductionDb(async (db) => (await db.query("SELECT totp_enabled_at FROM users WHERE email = $1", [email])).rows[0]);
  expect(enrolled.totp_enabled_at).not.toBeNull();
});

test("API smoke: a pay-in with a store's key, confirmed by the trader's token, completes", async ({ request }) => {
  const world = JSON.parse((await runScript("e2e/production/smoke-world.ts", [])).trim().split("\n").pop()!) as { storeKey: string; traderToken: string };
  const data = { amount: 150_000, currency: "RUB", customer_id: uniqueId("cust"), merchant_order_id: uniqueId("prod") };
  const created: APIResponse = await request.post("/api/v1/payin", { headers: { ...bearer(world.storeKey), "idempotency-key": uniqueId("idem") }, data });
  expect(created.status(), await created.text()).toBe(201);
  const order = await created.json();
  expect(order).toMatchObject({ object: "payin", status: "awaiting_payment", amount: 150_000 });
  expect(created.headers()["request-id"]).toBeTruthy();

  const confirmed = await request.post(`/api/v1/trader/orders/${order.id}/confirm`, { headers: bearer(world.traderToken) });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  expect((await (await request.get(`/api/v1/payin/${order.id}`, { headers: bearer(world.storeKey) })).json()).status).toBe("completed");
  const balance = await (await request.get("/api/v1/balance", { headers: bearer(world.storeKey) })).json();
  expect(balance.data.find((b: { currency: string }) => b.currency === "USDT").available).toBeGreaterThan(0);
});

test("the standalone server started directly (as the Docker image does) refuses an unsafe production configuration", async () => {
  const standalone = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "standalone");
  const child = spawn(process.execPath, ["--require", "./peer-address.cjs", "server.js"], {
    cwd: standalone,
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: productionDatabaseUrl(), PORT: "0", HOSTNAME: "127.0.0.1", NEXTAUTH_URL: "http://pay.example.com", NEXTAUTH_SECRET: "short" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code, stderr).toBe(1);
  expect(stderr).toContain("NEXTAUTH_URL");
  expect(stderr).toContain("NEXTAUTH_SECRET");
  expect(stderr).toContain("TRUSTED_PROXIES");
});
