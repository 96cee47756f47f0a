import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import type { Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTranslator, type MessageKey, type MessageVars, type Translate } from "@/lib/i18n/translate";

const english = createTranslator("en", MESSAGES.en);

/** zod's own messages in the reader's language (custom messages are keys, see ./schemas.ts). */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap | undefined {
  return locale === "ru" ? z.locales.ru().localeError : undefined;
}

/**
 * One issue as a sentence: a message key is translated (with the issue's limits as {min} and
 * {max}, and a custom issue's params); zod's own message is already in the parse's language.
 */
export function issueText(issue: z.core.$ZodIssue, t: Translate): string {
  const vars: MessageVars = { ...("params" in issue && issue.params ? (issue.params as MessageVars) : {}) };
  if ("minimum" in issue) vars.min = issue.minimum as number | bigint;
  if ("maximum" in issue) vars.max = issue.maximum as number | bigint;
  const translated = t(issue.message as MessageKey, vars);
  const text = translated === issue.message ? issue.message : translated;
  // Inside a JSON value, say where: "payin.min: Too small…".
  const inner = issue.path.slice(1).map(String).join(".");
  return inner ? `${inner}: ${text}` : text;
}

/** The first problem of each top-level field, e.g. { payinCommission: "Enter a fraction…" }. */
export function fieldErrorsOf(error: z.ZodError, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    errors[field] ??= issueText(issue, t);
  }
  return errors;
}

/**
 * `schema.parse(value)` for the domain functions: bad input is refused with an
 * `invalid_request` DomainError naming the field (in English; the cabinet validates first and
 * shows the reader's language), so nothing is written.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? String(issue.path[0]) : undefined;
  throw new DomainError("invalid_value", `${field ? `${field}: ` : ""}${issueText(issue, english)}`, { param: field });
}
