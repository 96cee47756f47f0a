import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** What a merchant server action answers: success (with data) or a message and per-field errors, translated. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message?: string; fieldErrors?: Record<string, string> };

/** The first issue per field; schema messages are message keys (merchant.errors.*). */
export function invalidInput(error: z.ZodError, t: Translate): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message.startsWith("merchant.") ? t(issue.message as MessageKey) : t("merchant.errors.invalidValue");
  }
  return { ok: false, fieldErrors };
}

/**
 * A domain error as the form shows it: in the reader's language when merchant.errors has the
 * code, else the error's own message, on its field when it names one. Anything else is a bug
 * and propagates (Next shows the error page, the log gets the stack).
 */
export function refused(error: unknown, t: Translate, fields: Record<string, string> = {}): ActionResult<never> {
  if (!(error instanceof DomainError)) throw error;
  const key = `merchant.errors.${error.code}` as MessageKey;
  const translated = t(key);
  const message = translated === key ? error.message : translated;
  const field = error.param ? fields[error.param] : undefined;
  return field ? { ok: false, fieldErrors: { [field]: message } } : { ok: false, message };
}
