// The client IP rule: the rightmost X-Forwarded-For hop that is not a trusted proxy.
import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { parseHop, parseTrustedProxies } from "@/lib/net/trusted-proxies";

const NONE = parseTrustedProxies("none");
const LB = parseTrustedProxies("10.0.0.0/8, 2001:db8:aa::/48");

function ip(forwardedFor: string | null, trusted = NONE, realIp?: string) {
  const headers = new Headers();
  if (forwardedFor !== null) headers.set("x-forwarded-for", forwardedFor);
  if (realIp) headers.set("x-real-ip", realIp);
  return clientIpFromHeaders(headers, trusted);
}

describe("clientIpFromHeaders", () => {
  it("with no proxy trusted, the peer (the hop `npm start` appends) is the client; forged prefixes are ignored", () => {
    expect(ip("198.51.100.7")).toBe("198.51.100.7");
    expect(ip("1.1.1.1, 2.2.2.2, 198.51.100.7")).toBe("198.51.100.7");
    expect(ip("10.0.0.5, 198.51.100.7")).toBe("198.51.100.7");
  });

  it("skips the trusted proxy chain from the right and stops at the first untrusted hop", () => {
    expect(ip("203.0.113.9, 10.1.2.3", LB)).toBe("203.0.113.9");
    expect(ip("6.6.6.6, 203.0.113.9, 10.9.9.9, 10.1.2.3", LB)).toBe("203.0.113.9");
    // A client forging a "trusted" address on the left does not get past its own hop.
    expect(ip("10.0.0.1, 203.0.113.9, 10.1.2.3", LB)).toBe("203.0.113.9");
  });

  it("handles IPv6, IPv4-mapped peers, ports and brackets", () => {
    expect(ip("2001:db8:ff::1")).toBe("2001:db8:ff::1");
    expect(ip("2001:DB8:FF::1, 2001:db8:aa::10", LB)).toBe("2001:db8:ff::1");
    expect(ip("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(ip("203.0.113.9, ::ffff:10.0.0.4", LB)).toBe("203.0.113.9");
    expect(ip("[2001:db8:ff::1]:443, 203.0.113.9:51000")).toBe("203.0.113.9");
    expect(ip("[2001:db8:ff::1]:443, 10.0.0.2:51000", LB)).toBe("2001:db8:ff::1");
  });

  it("never lets garbage replace an address it can vouch for", () => {
    expect(ip("not-an-ip, 10.1.2.3", LB)).toBe("10.1.2.3");
    expect(ip("<script>, , 10.1.2.3", LB)).toBe("10.1.2.3");
    expect(ip("999.1.1.1")).toBeNull();
    expect(ip("garbage, 198.51.100.7")).toBe("198.51.100.7");
  });

  it("answers null for a missing or empty header", () => {
    expect(ip(null)).toBeNull();
    expect(ip("")).toBeNull();
    expect(ip("  ")).toBeNull();
  });

  it("reads X-Real-IP only when every hop is a trusted proxy (the proxy set it), never from a client", () => {
    expect(ip("198.51.100.7", NONE, "1.2.3.4")).toBe("198.51.100.7");
    expect(ip("203.0.113.9, 10.1.2.3", LB, "1.2.3.4")).toBe("203.0.113.9");
    expect(ip("10.1.2.3", LB, "203.0.113.9")).toBe("203.0.113.9");
    expect(ip("10.1.2.3", LB, "garbage")).toBe("10.1.2.3");
    expect(ip(null, NONE, "1.2.3.4")).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("parses CIDRs and single addresses of both families, or none", () => {
    const trusted = parseTrustedProxies(" 192.0.2.0/24 ,2001:db8::/32, 198.51.100.1 ");
    expect(trusted.none).toBe(false);
    expect(["192.0.2.200", "2001:db8:1::5", "198.51.100.1"].map((a) => trusted.contains(a))).toEqual([true, true, true]);
    expect(["192.0.3.1", "2001:db9::1", "198.51.100.2", "garbage"].map((a) => trusted.contains(a))).toEqual([false, false, false, false]);
    expect(parseTrustedProxies("NONE").none).toBe(true);
    expect(parseTrustedProxies("0.0.0.0/0").contains("8.8.8.8")).toBe(true);
  });

  it("refuses what is not a CIDR, naming the entry", () => {
    for (const bad of ["", "10.0.0.0/33", "10.0.0/8", "::/129", "example.com", "10.0.0.0/8/1", "10.0.0.0/x", "none, 10.0.0.0/8"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow();
    }
    expect(() => parseTrustedProxies("10.0.0.0/8, 10.0.0.0/40")).toThrow(/"10\.0\.0\.0\/40"/);
  });

  it("parses hops as proxies write them", () => {
    expect(parseHop(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(parseHop("fe80::1%eth0")).toBe("fe80::1");
    expect(parseHop("0:0:0:0:0:ffff:7f00:2")).toBe("127.0.0.2");
    expect(parseHop("unknown")).toBeNull();
    expect(parseHop("1".repeat(100))).toBeNull();
  });
});
