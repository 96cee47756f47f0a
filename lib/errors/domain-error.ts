/**
 * A failure the caller can act on, with a stable snake_case code. The gateway maps `kind` to
 * an HTTP status and returns `code` and `message`; cabinets show the message.
 */
export type DomainErrorKind =
  | "malformed_request"
  | "invalid_request"
  | "authentication"
  | "permission"
  | "not_found"
  | "conflict"
  | "invalid_state"
  | "insufficient_funds"
  | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
