import { ERRORS, type DomainErrorKind, type ErrorCode, type ErrorEntry } from "./catalogue";

export type { DomainErrorKind, ErrorCode } from "./catalogue";

export interface DomainErrorOptions {
  /** The request field the error is about: the API body's `param`, the form field a cabinet marks. */
  param?: string;
  /** Seconds until a retry may succeed, sent as Retry-After (defaults to the catalogue's, if any). */
  retryAfterSeconds?: number;
  /** The error this one stands for, kept for logs. */
  cause?: unknown;
}

/**
 * A failure the caller can act on, named by a code of the catalogue (lib/errors/catalogue.ts),
 * which gives its kind, HTTP status and default message. The gateway returns `kind` as the
 * body's `type`, with `code`, `message` and `param`; cabinets translate the code or show the
 * message. Pass a message only when it says more than the catalogue's sentence (ids, amounts,
 * limits).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly kind: DomainErrorKind;
  readonly status: number;
  readonly param?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, options: DomainErrorOptions = {}) {
    const entry: ErrorEntry | undefined = Object.hasOwn(ERRORS, code) ? ERRORS[code] : undefined;
    if (!entry) throw new TypeError(`Unknown error code "${code}": add it to lib/errors/catalogue.ts`);
    super(message ?? entry.sentence, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.kind = entry.kind;
    this.status = entry.status;
    this.param = options.param;
    this.retryAfterSeconds = options.retryAfterSeconds ?? entry.retryAfterSeconds;
  }
}
