import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { PermissionOf, StaffRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors/domain-error";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";
import type { MessageKey, MessageVars, Translate } from "@/lib/i18n/translate";
import { fieldErrorsOf, zodErrorMap } from "@/lib/validation/messages";
import { getTranslator } from "./locale";
import { inWebRequestContext } from "./request-context";
import { requestActor, requestOrigin, type RequestOrigin, type UserActor } from "./request-actor";
import { getCurrentUser, requirePermission, requireRole, type CurrentUser } from "./session";

/**
 * What every server action answers: success with its data, or a refusal in the reader's
 * language — a message (for a toast or an alert) and, when it is about fields, the text to
 * show next to each of them.
 */
export type ActionResult<T extends object = {}> = ({ ok: true } & T) | { ok: false; message?: string; fieldErrors?: Record<string, string> };

/** A refused action's answer. */
export type ActionFailure = Extract<ActionResult, { ok: false }>;

/** Who may call an action: the signed-in users of one role, or anyone (the sign-in pages). */
export type Caller = Role | "anyone";

/** A cabinet (or one of its forms) that words some codes for its own reader: `errors.<scope>.<code>`. */
export type ErrorScope = { [K in keyof Messages["errors"]]: Messages["errors"][K] extends string ? never : K }[keyof Messages["errors"]];

/** A path to re-render after a success, as revalidatePath takes it. */
export type Revalidation = string | { path: string; type: "layout" | "page" };

type Parsed<S> = S extends z.ZodType ? z.output<S> : unknown;

export interface ActionOptions<R extends Caller, S extends z.ZodType | undefined> {
  /** Checked before anything else: a signed-out caller goes to /login, another role gets a 403. */
  role: R;
  /** For staff: the permission the action needs (any one of several), else a 403. Hiding a button is not authorisation. */
  permission?: R extends StaffRole ? PermissionOf<R> | readonly PermissionOf<R>[] : never;
  /** Checks the input (zod's messages in the reader's language; a message key is translated): bad input answers field errors. */
  schema?: S;
  /** Re-rendered after a success: a path, several, or a function of the checked input. */
  revalidate?: Revalidation | readonly Revalidation[] | ((input: Parsed<S>) => Revalidation | readonly Revalidation[]);
  /** Where a DomainError's `param` is not the form's field name: param → field (others show on the field named like the param). */
  fields?: Record<string, string>;
  /** Whose wording of codes: `errors.<scope>.<code>` is read before `errors.<code>`. Defaults to the role's own scope, where it has one. */
  errors?: ErrorScope;
  /** What a code without a message reads as; by default the DomainError's own message (the trader cabinet: "Something went wrong"). */
  fallback?: MessageKey;
}

export interface ActionContext<R extends Caller, I = unknown> {
  /** The caller; for "anyone", the signed-in user if there is one. */
  user: R extends Role ? CurrentUser<R> : CurrentUser | null;
  /** Who the change is audited as; for "anyone", only where the request came from. */
  actor: R extends Role ? UserActor<R> : RequestOrigin;
  /** The trader's profile, every trader read and write is scoped by (a trader without one is refused before `run`). */
  traderId: R extends "trader" ? number : null;
  /** The input, checked by `schema` when the action has one. */
  input: I;
  t: Translate;
  locale: Locale;
  /** Checks a value as `schema` does (e.g. with a schema built from what the action read): bad input answers field errors. */
  parse: <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>;
}

/** Bad input found by a schema: the form shows these next to its fields. */
class InvalidInput extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("invalid input");
  }
}

const ROLE_SCOPES: Partial<Record<Caller, ErrorScope>> = { admin: "admin", merchant: "merchant", trader: "trader", teamlead: "teamlead" };

/**
 * The frame of every server action (each is a public endpoint). In order: checks the caller
 * (role and permission; their redirect and 403 reach Next.js), builds the actor once, checks the
 * input, runs `run`, re-renders `revalidate` after a success, and answers an ActionResult in the
 * reader's language: a schema's issues and `parse`'s become field errors, a DomainError its
 * explanation (see `actionRefusal`), a refusal with field errors gets the generic "check the
 * highlighted fields" message. Anything else is a bug and propagates (the error page, the log).
 */
export async function runAction<R extends Caller, T extends object = {}, S extends z.ZodType | undefined = undefined>(
  options: ActionOptions<R, S>,
  input: unknown,
  run: (context: ActionContext<R, Parsed<S>>) => Promise<NoInfer<ActionResult<T>>>,
): Promise<ActionResult<T>> {
  // The action's log lines and audit rows carry the request id proxy.ts gave the request.
  return inWebRequestContext("server-action", () => runActionInContext(options, input, run));
}

async function runActionInContext<R extends Caller, T extends object = {}, S extends z.ZodType | undefined = undefined>(
  options: ActionOptions<R, S>,
  input: unknown,
  run: (context: ActionContext<R, Parsed<S>>) => Promise<NoInfer<ActionResult<T>>>,
): Promise<ActionResult<T>> {
  if (options.role !== "anyone") {
    // A session that must enrol in 2FA first (security.require_2fa_roles) may do nothing else.
    // "anyone" actions (the sign-in pages, the language, the enrolment itself) need no session
    // at all, so such a session gains nothing by reaching them.
    const current = await getCurrentUser();
    if (current?.twoFactorSetupRequired) return { ok: false, message: (await getTranslator()).t("errors.two_factor_setup_required") };
  }
  // Outside the try: the redirect to /login and the 403 must propagate.
  const user = await callerOf(options.role, options.permission);
  const { t, locale } = await getTranslator();
  const traderId = user?.role === "trader" && options.role === "trader" ? user.traderId : null;
  if (options.role === "trader" && traderId === null) return { ok: false, message: t("errors.no_trader_profile") };
  const actor = options.role === "anyone" || !user ? await requestOrigin() : await requestActor(user);
  const parse = <P extends z.ZodType>(schema: P, value: unknown): z.output<P> => {
    const parsed = schema.safeParse(value, { error: zodErrorMap(locale) });
    if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error, t));
    return parsed.data;
  };
  try {
    const checked = (options.schema ? parse(options.schema, input) : input) as Parsed<S>;
    const context = { user, actor, traderId, input: checked, t, locale, parse } as ActionContext<R, Parsed<S>>;
    const result = await run(context);
    if (!result.ok) return failure(result, t);
    const paths = typeof options.revalidate === "function" ? options.revalidate(checked) : options.revalidate;
    for (const path of paths === undefined ? [] : [paths].flat()) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.path, path.type);
    }
    return result;
  } catch (error) {
    if (error instanceof InvalidInput) return failure({ ok: false, fieldErrors: error.fieldErrors }, t);
    return actionRefusal(error, t, { scope: options.errors ?? ROLE_SCOPES[options.role], fields: options.fields, fallback: options.fallback ?? (options.role === "trader" ? "errors.unknown" : undefined) });
  }
}

async function callerOf(role: Caller, permission: unknown): Promise<CurrentUser | null> {
  if (role === "anyone") return getCurrentUser();
  if (permission !== undefined) return requirePermission(role as StaffRole, permission as PermissionOf<StaffRole>);
  return requireRole(role);
}

/** A refusal as answered: its message (the generic one when there is none), and its field errors if any. */
function failure(result: ActionFailure, t: Translate): ActionFailure {
  const fieldErrors = result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : undefined;
  return { ok: false, message: result.message ?? t(fieldErrors ? "errors.fixFields" : "errors.unknown"), ...(fieldErrors ? { fieldErrors } : {}) };
}

export interface RefusalOptions {
  scope?: ErrorScope;
  fields?: Record<string, string>;
  fallback?: MessageKey;
}

/**
 * A DomainError as a form shows it: its code in the reader's words (`errors.<scope>.<code>`,
 * else `errors.<code>`, filled with the error's `values` if it names a limit), else `fallback`,
 * else the error's own message; on the field its `param` names (through `fields`), and as the
 * message. Anything but a DomainError is rethrown. Route handlers that answer an ActionResult
 * (the merchant's dispute upload) use it too.
 */
export function actionRefusal(error: unknown, t: Translate, { scope, fields, fallback }: RefusalOptions = {}): ActionFailure {
  if (!(error instanceof DomainError)) throw error;
  const message = explainError(error, t, scope, fallback);
  const field = error.param === undefined ? undefined : (fields?.[error.param] ?? error.param);
  return field ? { ok: false, message, fieldErrors: { [field]: message } } : { ok: false, message };
}

function explainError(error: DomainError, t: Translate, scope: ErrorScope | undefined, fallback: MessageKey | undefined): string {
  const values = "values" in error && error.values && typeof error.values === "object" ? (error.values as MessageVars) : undefined;
  const keys = [scope ? `errors.${scope}.${error.code}` : null, `errors.${error.code}`];
  for (const key of keys) {
    if (!key) continue;
    const text = t(key as MessageKey, values);
    if (text !== key) return text;
  }
  return fallback ? t(fallback) : error.message;
}
