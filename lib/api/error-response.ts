import { z } from "zod";
import { DomainError, type DomainErrorKind } from "@/lib/errors/domain-error";

export interface ApiErrorBody {
  error: { type: string; code: string; message: string; param?: string };
}

const STATUS: Record<DomainErrorKind, number> = {
  malformed_request: 400,
  invalid_request: 422,
  authentication: 401,
  permission: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  insufficient_funds: 422,
  rate_limited: 429,
};

export interface ErrorParts {
  status: number;
  body: ApiErrorBody;
  headers?: Record<string, string>;
}

function parts(status: number, type: string, code: string, message: string, param?: string, headers?: Record<string, string>): ErrorParts {
  return { status, body: { error: { type, code, message, ...(param ? { param } : {}) } }, headers };
}

function zodParam(issue: z.core.$ZodIssue): string | undefined {
  return issue.path.length ? issue.path.map(String).join(".") : undefined;
}

/**
 * The one place errors become HTTP: domain errors keep their code and message, validation
 * errors name the field; anything else is null (a bug → 500).
 */
export function describeClientError(error: unknown): ErrorParts | null {
  if (error instanceof DomainError) {
    if (error.kind === "rate_limited") return parts(429, error.kind, error.code, error.message, undefined, { "retry-after": error.param ?? "60" });
    return parts(STATUS[error.kind], error.kind, error.code, error.message, error.param);
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const param = zodParam(issue);
    return parts(422, "invalid_request", issue.code === "invalid_type" ? "invalid_type" : "invalid_value", `${param ? `${param}: ` : ""}${issue.message}`, param);
  }
  return null;
}

export function handleApiError(error: unknown): Response {
  const described = describeClientError(error);
  if (described) return Response.json(described.body, { status: described.status, headers: described.headers });
  console.error("[api] unexpected error", error);
  return Response.json(parts(500, "api_error", "internal_error", "Something went wrong on our side. Retry later.").body, { status: 500 });
}
