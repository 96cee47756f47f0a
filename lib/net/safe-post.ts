import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { OutboundRequestError } from "./outbound-request-error";
import { resolveOutboundTarget, type ResolvedAddress, type ResolveHost } from "./resolve-outbound-target";

export interface SafePostInput {
  body: string;
  headers: Record<string, string>;
  /** The HTTP exchange (connect, send, response headers) is aborted after this. */
  timeoutMs: number;
  /**
   * The TCP connection must be up within this (shorter) time: an endpoint that is down or
   * firewalled is given up on quickly, while a slow but reachable one gets all of `timeoutMs`.
   */
  connectTimeoutMs?: number;
  allowedPrivateHosts: readonly string[];
  /** Injected only by tests that play the DNS; the system resolver otherwise. */
  resolve?: ResolveHost;
}

/**
 * A `lookup` for the socket that answers with the addresses the guard checked, so the
 * connection goes exactly there (TLS still verifies the certificate against the hostname).
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const chosen = addresses.find((a) => !options.family || a.family === options.family) ?? addresses[0];
    callback(null, chosen.address, chosen.family);
  };
}

function describeFailure(error: NodeJS.ErrnoException, signal: AbortSignal, timeoutMs: number): OutboundRequestError {
  if (error instanceof OutboundRequestError) return error;
  if (signal.aborted) return new OutboundRequestError("timeout", `no response within ${timeoutMs} ms`);
  return new OutboundRequestError("network", error.code ? `${error.code}: ${error.message}` : error.message);
}

/**
 * POSTs `body` to `url` through the SSRF guard (resolveOutboundTarget) and resolves with the
 * response status once the headers arrive; the response body is drained and ignored.
 * Redirects are not followed (a 3xx is just a status). Throws OutboundRequestError when no
 * response came: refused, timed out or a network failure.
 */
export async function safePost(url: string, input: SafePostInput): Promise<number> {
  const target = await resolveOutboundTarget(url, { allowedPrivateHosts: input.allowedPrivateHosts, resolve: input.resolve });
  const signal = AbortSignal.timeout(input.timeoutMs);
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      target.url,
      {
        method: "POST",
        headers: { ...input.headers, "content-length": String(Buffer.byteLength(input.body)) },
        lookup: pinnedLookup(target.addresses),
        signal,
        agent: false,
      },
      (response) => {
        response.on("error", () => {});
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", (error) => reject(describeFailure(error, signal, input.timeoutMs)));
    if (input.connectTimeoutMs !== undefined && input.connectTimeoutMs < input.timeoutMs) {
      const ms = input.connectTimeoutMs;
      const timer = setTimeout(() => request.destroy(new OutboundRequestError("timeout", `no connection within ${ms} ms`)), ms);
      timer.unref();
      request.once("socket", (socket) => {
        if (!socket.connecting) clearTimeout(timer);
        else socket.once("connect", () => clearTimeout(timer));
      });
      request.once("close", () => clearTimeout(timer));
    }
    request.end(input.body);
  });
}
