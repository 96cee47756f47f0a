/**
 * Why an outbound request did not get an HTTP response: `refused` by the SSRF guard (nothing
 * was sent), `timeout`, or a `network` failure (DNS, connection, TLS). The message is meant
 * for the person who owns the target URL.
 */
export class OutboundRequestError extends Error {
  constructor(
    readonly reason: "refused" | "timeout" | "network",
    message: string,
  ) {
    super(message);
    this.name = "OutboundRequestError";
  }
}
