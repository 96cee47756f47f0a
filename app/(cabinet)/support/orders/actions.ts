"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/web/session";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { fieldErrorsOf, zodErrorMap } from "@/lib/validation/messages";
import { DomainError } from "@/lib/errors/domain-error";
import { getTranslator } from "@/lib/web/locale";
import type { MessageKey } from "@/lib/i18n/translate";
import { blockRequisite, unblockRequisite } from "@/lib/requisites/block-requisite";
import { requisiteBlockSchema } from "@/lib/requisites/block-schema";
import type { ActionResult } from "@/components/admin/action-result";

/**
 * Support blocks or unblocks the requisite of an order they are looking at (a public endpoint
 * like any server action): the role and the requisites.block permission are checked here (403
 * otherwise) and again by the domain function. Answers in the shape the shared block dialog
 * reads (the admin cabinet's ActionResult): a toast message and the reason's field error.
 */
async function changeBlock(run: typeof blockRequisite | typeof unblockRequisite, input: unknown, done: MessageKey): Promise<ActionResult> {
  const user = await requirePermission("support", "requisites.block");
  const { t, locale } = await getTranslator();
  const parsed = requisiteBlockSchema.safeParse(input, { error: zodErrorMap(locale) });
  if (!parsed.success) return { ok: false, message: t("support.requisite.fixFields"), fieldErrors: fieldErrorsOf(parsed.error, t) };
  const requestHeaders = await headers();
  try {
    await run({ ...parsed.data, actor: { type: "user", userId: user.id, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const key = `support.requisite.errors.${error.code}` as MessageKey;
    const text = t(key);
    const message = text === key ? t("support.requisite.errors.failed") : text;
    return { ok: false, message, fieldErrors: error.param ? { [error.param]: message } : {} };
  }
  // The order pages (and the dispute pages showing the same order) show the new status.
  revalidatePath("/support", "layout");
  return { ok: true, message: t(done) };
}

export async function blockRequisiteAction(input: unknown): Promise<ActionResult> {
  return changeBlock(blockRequisite, input, "requisiteBlock.blocked");
}

export async function unblockRequisiteAction(input: unknown): Promise<ActionResult> {
  return changeBlock(unblockRequisite, input, "requisiteBlock.unblocked");
}
