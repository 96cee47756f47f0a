import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * Address ranges a server-side request must not reach unless an admin allow-lists them: what
 * they are named in the refusal message, and their CIDRs. Besides the obvious internal ranges
 * this covers documentation, benchmarking and reserved blocks, which no merchant server uses.
 */
const RANGES: [name: string, cidrs: string[]][] = [
  ["an unspecified", ["0.0.0.0/8", "::/128"]],
  ["a loopback", ["127.0.0.0/8", "::1/128"]],
  ["a private", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]],
  ["a link-local", ["169.254.0.0/16", "fe80::/10"]],
  ["a shared (CGNAT)", ["100.64.0.0/10"]],
  ["a multicast", ["224.0.0.0/4", "ff00::/8"]],
  [
    "a reserved",
    // IETF protocol assignments, TEST-NETs, benchmarking, class E and broadcast; IPv6
    // IPv4-compatible (deprecated), documentation, Teredo, 6to4 and site-local.
    ["192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::/96", "2001::/32", "2001:db8::/32", "2002::/16", "fec0::/10"],
  ],
];

const LISTS = RANGES.map(([name, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split("/");
    list.addSubnet(network, Number(prefix), isIPv4(network) ? "ipv4" : "ipv6");
  }
  return { name, list };
});

/** The 16 bytes of a valid IPv6 address (zone id ignored; a dotted IPv4 tail allowed). */
function ipv6Bytes(address: string): number[] {
  let text = address.split("%")[0];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const NAT64_PREFIX = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The IPv4 address an IPv6 address stands for — IPv4-mapped (::ffff:a.b.c.d) or the NAT64
 * well-known prefix (64:ff9b::a.b.c.d) — so it is judged as that IPv4 address; else null.
 */
function embeddedIPv4(address: string): string | null {
  if (!isIPv6(address)) return null;
  const bytes = ipv6Bytes(address);
  const prefix = bytes.slice(0, 12);
  const matches = (expected: number[]) => expected.every((byte, i) => prefix[i] === byte);
  return matches(IPV4_MAPPED_PREFIX) || matches(NAT64_PREFIX) ? bytes.slice(12).join(".") : null;
}

/**
 * Why an outbound request must not go to `address` — "a loopback address", "mapped to
 * 127.0.0.1, a loopback address" — or null for a public address. Something that is not an
 * IP address is refused too.
 */
export function blockedAddressReason(address: string): string | null {
  const embedded = embeddedIPv4(address);
  if (embedded) {
    const reason = blockedAddressReason(embedded);
    return reason && `mapped to ${embedded}, ${reason}`;
  }
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : null;
  if (!family) return "not an IP address";
  const hit = LISTS.find(({ list }) => list.check(address.split("%")[0], family));
  return hit ? `${hit.name} address` : null;
}
