import "server-only";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requirePermission } from "@/lib/web/session";
import type { PermissionOf } from "@/lib/auth/permissions";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import type { Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { getTranslator } from "@/lib/web/locale";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey, MessageVars, Translate } from "@/lib/i18n/translate";
import { fieldErrorsOf, zodErrorMap } from "@/lib/validation/messages";
import type { ActionResult } from "@/components/admin/action-result";

interface ActionContext {
  actor: Actor & { userId: number };
  t: Translate;
  locale: Locale;
}

/** Bad input found before calling the domain: the form shows these next to its fields. */
class InputError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("invalid input");
  }
}

/** Parses an action's input with the reader's language for zod's messages; bad input becomes field errors. */
export function parseActionInput<T extends z.ZodType>(schema: T, input: unknown, { t, locale }: Pick<ActionContext, "t" | "locale">): z.output<T> {
  const parsed = schema.safeParse(input, { error: zodErrorMap(locale) });
  if (!parsed.success) throw new InputError(fieldErrorsOf(parsed.error, t));
  return parsed.data;
}

/** A field error raised by the action itself (e.g. an amount it could not read). */
export function fieldError(field: string, message: string): never {
  throw new InputError({ [field]: message });
}

/**
 * A domain refusal in the reader's language: its code's message when we have one, else its own
 * text. An error that names a limit (e.g. PlatformShareError's `values.bound`) fills it in.
 */
function domainErrorText(error: DomainError, t: Translate): string {
  const key = `admin.errors.${error.code}`;
  const values = "values" in error && error.values && typeof error.values === "object" ? (error.values as MessageVars) : undefined;
  const text = t(key as MessageKey, values);
  return text === key ? error.message : text;
}

/**
 * The body of every admin server action. Server actions are public endpoints, so each one
 * checks the caller here (requirePermission: a signed-out caller is sent to /login, another
 * role or an admin without `permission` gets 403) and the domain function checks again; `run`
 * parses its own input. Returns what the form shows: a toast message and field errors;
 * refreshes `path` after a change.
 */
export async function runAdminAction(path: string, permission: PermissionOf<"admin">, run: (context: ActionContext) => Promise<string>): Promise<ActionResult> {
  const user = await requirePermission("admin", permission);
  const requestHeaders = await headers();
  const { t, locale } = await getTranslator();
  const actor = { type: "user" as const, userId: user.id, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") };
  try {
    const message = await run({ actor, t, locale });
    revalidatePath(path);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: t("admin.common.fixFields"), fieldErrors: error.fieldErrors };
    if (error instanceof DomainError) {
      const message = domainErrorText(error, t);
      return { ok: false, message, fieldErrors: error.param ? { [error.param]: message } : {} };
    }
    throw error;
  }
}
