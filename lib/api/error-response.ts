import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { ERRORS } from "@/lib/errors/catalogue";
import { log } from "@/lib/observability/logger";

export interface ApiErrorBody {
  error: { type: string; code: string; message: string; param?: string };
}

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
 * The one place errors become HTTP: domain errors keep their code, message and param, with the
 * status (and Retry-After) of their catalogue entry (lib/errors/catalogue.ts); validation errors
 * are invalid_type or invalid_value naming the field; anything else is null (a bug → 500).
 */
export function describeClientError(error: unknown): ErrorParts | null {
  if (error instanceof DomainError) {
    const headers = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return parts(error.status, error.kind, error.code, error.message, error.param, headers);
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const param = zodParam(issue);
    const code = issue.code === "invalid_type" ? "invalid_type" : "invalid_value";
    return parts(ERRORS[code].status, ERRORS[code].kind, code, `${param ? `${param}: ` : ""}${issue.message}`, param);
  }
  return null;
}

export function handleApiError(error: unknown): Response {
  const described = describeClientError(error);
  if (described) return Response.json(described.body, { status: described.status, headers: described.headers });
  log.error({ err: error }, "unexpected error");
  return Response.json(parts(500, "api_error", "internal_error", "Something went wrong on our side. Retry later.").body, { status: 500 });
}
