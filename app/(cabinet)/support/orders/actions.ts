"use server";

import { blockRequisite, unblockRequisite } from "@/lib/requisites/block-requisite";
import { requisiteBlockSchema } from "@/lib/requisites/block-schema";
import { runAction, type ActionResult } from "@/lib/web/action";

/**
 * Support blocks or unblocks the requisite of an order they are looking at (a public endpoint
 * like any server action): the role and the requisites.block permission are checked here (403
 * otherwise) and again by the domain function. Answers what the shared block dialog reads: a
 * toast message and the reason's field error. The order pages (and the dispute pages showing
 * the same order) show the new status.
 */
const BLOCK = {
  role: "support",
  permission: "requisites.block",
  schema: requisiteBlockSchema,
  errors: "requisiteBlock",
  fallback: "support.requisite.failed",
  revalidate: { path: "/support", type: "layout" },
} as const;

export async function blockRequisiteAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(BLOCK, input, async ({ input, actor, t }) => {
    await blockRequisite({ ...input, actor });
    return { ok: true, message: t("requisiteBlock.blocked") };
  });
}

export async function unblockRequisiteAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(BLOCK, input, async ({ input, actor, t }) => {
    await unblockRequisite({ ...input, actor });
    return { ok: true, message: t("requisiteBlock.unblocked") };
  });
}
