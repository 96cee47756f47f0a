import "server-only";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { forceOrderSchema } from "@/lib/orders/force-order-schema";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import { DomainError } from "@/lib/errors/domain-error";
import { getTranslator } from "@/lib/web/locale";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { forceOrder } from "@/lib/orders/force-order";
import type { ActionResult } from "@/components/admin/action-result";

/** A message key of the force dialog in the reader's words, or `fallback` when there is none. */
function text(t: Translate, key: string, fallback: string): string {
  const translated = t(key as MessageKey, { max: DISPUTE_TEXT_MAX });
  return translated === key ? fallback : translated;
}

/**
 * The body of support's and the admin's force-order server actions, after each has checked its
 * caller (role and permission): parses the dialog's input, forces the order through the engine
 * as that person (forceOrder checks them again and records the audit entry), and answers in the
 * shape the staff dialogs read — a toast message, and on refusal the domain's reason (in the
 * reader's words when we have them) and the note's field error. `path` is re-rendered after.
 */
export async function runForceOrder(input: unknown, caller: { role: "support" | "admin"; userId: number }, path: string): Promise<ActionResult> {
  const { t } = await getTranslator();
  const parsed = forceOrderSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_form")] ??= text(t, issue.message, t("forceOrder.errors.invalid"));
    return { ok: false, message: t("forceOrder.errors.fixFields"), fieldErrors };
  }
  const requestHeaders = await headers();
  const actor = { type: "user" as const, ...caller, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") };
  try {
    const order = await forceOrder({ ...parsed.data, actor });
    revalidatePath(path, "layout");
    return { ok: true, message: t(order.status === "completed" ? "forceOrder.completed" : "forceOrder.cancelled", { id: order.id }) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = text(t, `forceOrder.errors.${error.code}`, error.message);
    return { ok: false, message, fieldErrors: error.param === "note" ? { note: message } : {} };
  }
}
