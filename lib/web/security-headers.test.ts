import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "./security-headers";

/** "a b; c d" → { a: ["b"], c: ["d"] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("securityHeaders", () => {
  it("in production over http: a nonce CSP without eval, never framed, no HSTS", () => {
    const headers = securityHeaders({ nonce: "abc123==", https: false, dev: false });
    expect(Object.keys(headers).sort()).toEqual(["Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    const csp = directives(headers["Content-Security-Policy"]);
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    // A nonce in style-src would make browsers ignore 'unsafe-inline' (recharts' inline styles).
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp).not.toHaveProperty("upgrade-insecure-requests");
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("adds HSTS and upgrade-insecure-requests over https", () => {
    const headers = securityHeaders({ nonce: "n", https: true, dev: false });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(headers["Content-Security-Policy"])).toHaveProperty("upgrade-insecure-requests");
  });

  it("allows eval only in development", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true }))["script-src"]).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: false }))["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("without a nonce, scripts come from the app's own origin only", () => {
    expect(directives(contentSecurityPolicy({ nonce: null, https: false, dev: false }))["script-src"]).toEqual(["'self'"]);
  });

  it("disables camera, microphone, geolocation and payment", () => {
    const policy = securityHeaders({ nonce: "n", https: false, dev: false })["Permissions-Policy"];
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(policy).toContain(`${feature}=()`);
    expect(policy).not.toMatch(/=\((?!\))/);
  });
});

describe("isHttpsRequest", () => {
  it("trusts the URL's protocol or the first x-forwarded-proto hop", () => {
    expect(isHttpsRequest("https:", null)).toBe(true);
    expect(isHttpsRequest("http:", null)).toBe(false);
    expect(isHttpsRequest("http:", "https")).toBe(true);
    expect(isHttpsRequest("http:", "HTTPS, http")).toBe(true);
    expect(isHttpsRequest("http:", "http, https")).toBe(false);
    expect(isHttpsRequest("http:", "")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
