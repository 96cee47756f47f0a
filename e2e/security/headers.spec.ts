// Issue 12's security headers (proxy.ts, lib/web/security-headers.ts) against the running app:
// on pages, route handlers, static files and 404s; HSTS only over https; a cabinet cannot be
// framed; and the nonce-based Content-Security-Policy blocks nothing the cabinets need.
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { DEMO_MERCHANT_KEY } from "../helpers/db";
import type { Role } from "../helpers/cabinets";
import { currentRun, sessionFile } from "../helpers/run";

type Headers = Record<string, string>;

/** `script-src` of a CSP header, as its list of sources. */
function scriptSources(csp: string): string[] {
  const directive = csp.split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "script-src");
  return directive?.slice(1) ?? [];
}

function expectSecurityHeaders(headers: Headers, what: string, { https = false } = {}) {
  const csp = headers["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: default-src`).toContain("default-src 'self'");
  expect(csp, `${what}: no eval in production`).not.toContain("unsafe-eval");
  expect(scriptSources(csp), `${what}: scripts only with this request's nonce`).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]+'$/), "'strict-dynamic'"]);
  expect(headers["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  expect(headers["x-content-type-options"], `${what}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  for (const feature of ["camera", "microphone", "geolocation", "payment"]) {
    expect(headers["permissions-policy"], `${what}: Permissions-Policy ${feature}`).toContain(`${feature}=()`);
  }
  if (https) expect(headers["strict-transport-security"], `${what}: HSTS over https`).toMatch(/^max-age=\d{8,}/);
  else expect(headers["strict-transport-security"], `${what}: no HSTS over http`).toBeUndefined();
}

async function okHeaders(response: APIResponse | Response | null, what: string, status = 200): Promise<Headers> {
  expect(response, what).toBeTruthy();
  expect(response!.status(), what).toBe(status);
  return response!.headers();
}

test.describe("signed out", () => {
  test("the login page, static files, /api/health, /api/v1, the OpenAPI document and a 404 carry the headers", async ({ request }) => {
    const login = await request.get("/login");
    expectSecurityHeaders(await okHeaders(login, "/login"), "/login");

    // A static chunk of the build and a file from public/.
    const html = await login.text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk, "the login page loads a /_next/static script").toBeTruthy();
    expectSecurityHeaders(await okHeaders(await request.get(chunk!), chunk!), chunk!);
    expectSecurityHeaders(await okHeaders(await request.get("/icon.svg"), "/icon.svg"), "/icon.svg");

    expectSecurityHeaders(await okHeaders(await request.get("/api/health"), "/api/health"), "/api/health");
    const currencies = await request.get("/api/v1/currencies", { headers: { authorization: `Bearer ${DEMO_MERCHANT_KEY}` } });
    expectSecurityHeaders(await okHeaders(currencies, "/api/v1/currencies"), "/api/v1/currencies");
    const unauthorized = await request.get("/api/v1/currencies");
    expectSecurityHeaders(await okHeaders(unauthorized, "/api/v1/currencies without a key", 401), "/api/v1 401");
    // Prerendered at build time, still served through the proxy.
    expectSecurityHeaders(await okHeaders(await request.get("/api/v1/openapi.json"), "/api/v1/openapi.json"), "/api/v1/openapi.json");

    expectSecurityHeaders(await okHeaders(await request.get("/no-such-page"), "a 404 page", 404), "404 page");
    expectSecurityHeaders(await okHeaders(await request.get("/_next/static/no-such-file.js"), "a missing static file", 404), "missing static file");
  });

  test("HSTS only when the request came over https (x-forwarded-proto)", async ({ request }) => {
    const http = await okHeaders(await request.get("/login"), "/login over http");
    expectSecurityHeaders(http, "/login over http");
    expect(http["content-security-policy"]).not.toContain("upgrade-insecure-requests");

    for (const path of ["/login", "/api/health"]) {
      const https = await okHeaders(await request.get(path, { headers: { "x-forwarded-proto": "https" } }), `${path} over https`);
      expectSecurityHeaders(https, `${path} over https`, { https: true });
      expect(https["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");
    }
  });

  test("every request gets its own nonce, and the page's scripts carry it", async ({ page, request }) => {
    const nonceOf = (headers: Headers) => /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
    const first = nonceOf(await okHeaders(await request.get("/login"), "/login"));
    const response = await page.goto("/login");
    const nonce = nonceOf(await okHeaders(response, "/login in the browser"));
    expect(nonce).not.toBe(first);
    // Browsers hide the nonce attribute after parsing; the property keeps it.
    const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => ({ nonce: (el as HTMLScriptElement).nonce, src: (el as HTMLScriptElement).src })));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script, "every script of the page has the request's nonce").toEqual({ nonce, src: script.src });
  });
});

test.describe("the trader's cabinet", () => {
  test.use({ storageState: sessionFile("trader") });

  test("carries the headers after sign-in", async ({ page }) => {
    const response = await page.goto("/trader");
    expectSecurityHeaders(await okHeaders(response, "/trader"), "/trader");
    await expect(page.locator('main[data-cabinet="trader"]')).toBeVisible();
  });

  // The browser itself refuses: a page on another origin (here about:blank, as an attacker's page
  // would be) that frames the trader's queue gets Chrome's error page in the frame instead of the
  // cabinet, and the console names the frame-ancestors directive.
  test("cannot be framed by another page", async ({ page }) => {
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors|X-Frame-Options/i.test(message.text())) refusals.push(message.text());
    });
    const target = `${currentRun().baseURL}/trader`;
    const framed = page.waitForResponse((response) => response.url() === target);
    await page.setContent(`<iframe id="victim" src="${target}" width="800" height="600"></iframe>`);
    // The app answered the frame's request (with its headers)…
    expectSecurityHeaders((await framed).headers(), "framed /trader");
    // …and the browser refused to show it.
    await expect.poll(() => refusals.length, { message: "the browser reports the refused frame" }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame, "the iframe exists").toBeTruthy();
    expect(frame!.url()).not.toBe(target);
    expect(await frame!.locator("main[data-cabinet]").count().catch(() => 0)).toBe(0);
  });
});

// The nonce CSP must not block anything the cabinets use: Next's scripts, the theme script,
// recharts' inline styles, the self-hosted fonts, the polling and server actions.
const MAIN_PAGES: { role: Role; path: string; ready: (page: Page) => Promise<void> }[] = [
  { role: "trader", path: "/trader", ready: (page) => expect(page.locator('main[data-cabinet="trader"]')).toBeVisible() },
  { role: "merchant", path: "/merchant", ready: (page) => expect(page.locator('main[data-cabinet="merchant"]')).toBeVisible() },
  { role: "admin", path: "/admin/dashboard", ready: (page) => expect(page.locator(".recharts-wrapper svg").first()).toBeVisible() },
  { role: "support", path: "/support/disputes", ready: (page) => expect(page.locator('main[data-cabinet="support"]')).toBeVisible() },
];

for (const { role, path, ready } of MAIN_PAGES) {
  test.describe(`${role}'s ${path}`, () => {
    test.use({ storageState: sessionFile(role) });

    test("runs without a Content-Security-Policy violation", async ({ page }) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to (load|execute|apply|evaluate|connect|frame)/i.test(message.text())) violations.push(`console: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      const response = await page.goto(path);
      expectSecurityHeaders(await okHeaders(response, path), path);
      await ready(page);
      await page.waitForLoadState("networkidle");
      expect(violations, `CSP violations on ${path}`).toEqual([]);
    });
  });
}
