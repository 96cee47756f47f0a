import { BlockList, isIP } from "node:net";

/** A hostname as compared with allow-list entries: lower case, no IPv6 brackets, no trailing dot. */
export function normalizeHostname(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

const familyName = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * A predicate over (hostname, resolved address) built from `callbacks.allowed_private_hosts`:
 * an entry is a hostname ("localhost"), an address ("127.0.0.1", "::1") or a CIDR
 * ("10.0.0.0/8"). A malformed CIDR permits nothing rather than breaking every delivery.
 */
export function privateHostAllowList(entries: readonly string[]): (hostname: string, address: string) => boolean {
  const hostnames = new Set<string>();
  const addresses = new BlockList();
  for (const raw of entries) {
    const entry = normalizeHostname(raw);
    const [network, prefix] = entry.split("/");
    const family = isIP(network);
    if (!family) {
      hostnames.add(entry);
    } else if (prefix === undefined) {
      addresses.addAddress(network, familyName(network));
    } else if (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)) {
      addresses.addSubnet(network, Number(prefix), familyName(network));
    }
  }
  return (hostname, address) => hostnames.has(normalizeHostname(hostname)) || (isIP(address) !== 0 && addresses.check(address, familyName(address)));
}
