import { env } from "@/lib/env";
import { parseHop, type TrustedProxies } from "@/lib/net/trusted-proxies";

/**
 * The caller's address: the rightmost X-Forwarded-For hop that is not a trusted proxy.
 *
 * Every hop is appended by the machine that received the connection, so only the right end of
 * the list can be believed: `npm start` appends the socket's peer (scripts/peer-address.cjs),
 * each trusted proxy before it appended its own peer, and whatever is further left was written
 * by the client. So the walk goes right to left, skips trusted proxies and stops at the first
 * hop that is not one. With TRUSTED_PROXIES=none that is the peer itself.
 *
 * - A hop that is not an address (garbage) ends the walk: the answer is the last trusted hop
 *   passed, the nearest address that can be vouched for (never null while there is a peer, so
 *   no one escapes the per-IP limits by sending garbage).
 * - When every hop is trusted (a request from inside the proxy network, or a proxy that sets
 *   X-Real-IP instead of appending), X-Real-IP is taken if it is an address: only then did a
 *   trusted proxy send it. Otherwise X-Real-IP is ignored, as the client could have written it.
 * - No X-Forwarded-For at all (a handler called directly, not through `npm start`): null.
 */
export function clientIpFromHeaders(headers: { get(name: string): string | null }, trusted: TrustedProxies = env().TRUSTED_PROXIES): string | null {
  const header = headers.get("x-forwarded-for") ?? "";
  if (!header.trim()) return null;
  const hops = header.split(",");
  let nearestTrusted: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = parseHop(hops[i]);
    if (!address) return nearestTrusted;
    if (!trusted.contains(address)) return address;
    nearestTrusted = address;
  }
  if (nearestTrusted) return parseHop(headers.get("x-real-ip") ?? "") ?? nearestTrusted;
  return null;
}
