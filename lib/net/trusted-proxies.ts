import { BlockList, isIP } from "node:net";

// TRUSTED_PROXIES and X-Forwarded-For hops: the address parsing behind the client IP
// (lib/auth/client-ip.ts) and the validation of the setting (lib/env.ts).

/**
 * The proxies in front of the app, from TRUSTED_PROXIES: `none`, or CIDRs / single addresses
 * (IPv4 and IPv6). Parsed once, by lib/env.ts.
 */
export interface TrustedProxies {
  readonly none: boolean;
  contains(address: string): boolean;
}

/** "::ffff:1.2.3.4" / "::ffff:102:304" → "1.2.3.4"; other addresses unchanged (lower case). */
function unmapIPv4(address: string): string {
  const lower = address.toLowerCase();
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(.+)$/.exec(lower)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  const hex = mapped && /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return lower;
}

/**
 * One X-Forwarded-For hop as an address, or null when it is not one. Accepts what proxies
 * write: "1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443", "::ffff:1.2.3.4".
 * An IPv6 zone id ("fe80::1%eth0") is dropped.
 */
export function parseHop(hop: string): string | null {
  let text = hop.trim();
  if (!text || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.split("%")[0];
  return isIP(text) ? unmapIPv4(text) : null;
}

/**
 * "none", or a comma-separated list of CIDRs or addresses ("10.0.0.0/8, 2001:db8::/32,
 * 192.0.2.7"). Throws on anything else, naming the entry.
 */
export function parseTrustedProxies(setting: string): TrustedProxies {
  const entries = setting.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 1 && entries[0].toLowerCase() === "none") return { none: true, contains: () => false };
  if (!entries.length) throw new Error("empty: give CIDRs (10.0.0.0/8, 2001:db8::/32) or `none`");
  const list = new BlockList();
  for (const entry of entries) {
    const [rawNetwork, prefixText, ...rest] = entry.split("/");
    const network = parseHop(rawNetwork) ?? "";
    const family = isIP(network);
    const bits = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || rest.length || rawNetwork.includes("[") || !(prefix >= 0 && prefix <= bits)) {
      throw new Error(`"${entry}" is not a CIDR (e.g. 10.0.0.0/8, 2001:db8::/32) or an address; use \`none\` when no proxy is in front`);
    }
    list.addSubnet(network, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return {
    none: false,
    contains: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
