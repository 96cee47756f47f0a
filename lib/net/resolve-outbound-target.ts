import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { blockedAddressReason } from "./blocked-address";
import { OutboundRequestError } from "./outbound-request-error";
import { normalizeHostname, privateHostAllowList } from "./private-host-allow-list";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a hostname to every address it has (dns.lookup with `all`, the system resolver). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** A URL together with the addresses it was checked against; the request must use only these. */
export interface OutboundTarget {
  url: URL;
  addresses: ResolvedAddress[];
}

const systemResolve: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

async function resolveAll(hostname: string, resolve: ResolveHost): Promise<ResolvedAddress[]> {
  const family = isIP(hostname);
  if (family) return [{ address: hostname, family }];
  const addresses = await resolve(hostname).catch((error: NodeJS.ErrnoException) => {
    throw new OutboundRequestError("network", `${hostname} could not be resolved (${error.code ?? error.message})`);
  });
  if (!addresses.length) throw new OutboundRequestError("network", `${hostname} has no address`);
  return addresses;
}

/**
 * The SSRF guard: `rawUrl` must be http(s), and every address its host resolves to must be
 * public unless `allowedPrivateHosts` (hostnames, addresses, CIDRs) permits it. One blocked
 * address refuses the whole URL: the caller connects only to the returned addresses, so a
 * later DNS answer (rebinding) never reaches the socket. Throws OutboundRequestError.
 */
export async function resolveOutboundTarget(
  rawUrl: string,
  options: { allowedPrivateHosts: readonly string[]; resolve?: ResolveHost },
): Promise<OutboundTarget> {
  const url = URL.canParse(rawUrl) ? new URL(rawUrl) : null;
  if (!url) throw new OutboundRequestError("refused", "the URL is not valid");
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundRequestError("refused", `${url.protocol} URLs are not allowed; use http or https`);
  }
  const hostname = normalizeHostname(url.hostname);
  const addresses = await resolveAll(hostname, options.resolve ?? systemResolve);
  const allowed = privateHostAllowList(options.allowedPrivateHosts);
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address);
    if (!reason || allowed(hostname, address)) continue;
    const what = address === hostname ? `${address} is ${reason}` : `${hostname} resolves to ${address}, which is ${reason}`;
    throw new OutboundRequestError("refused", `${what}; such hosts are not allowed`);
  }
  return { url, addresses };
}
