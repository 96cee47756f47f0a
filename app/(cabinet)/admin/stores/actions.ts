"use server";

import { z } from "zod";
import { storeUpdateSchema, updateStore } from "@/lib/stores/update-store";
import { createStore, storeCreateSchema } from "@/lib/stores/create-store";
import { jsonText, storeLimitsSchema } from "@/lib/validation/schemas";
import { runAction, type ActionResult } from "@/lib/web/action";

const storeFormSchema = storeUpdateSchema.extend({ limits: jsonText(storeLimitsSchema).optional() });
const activeSchema = z.object({ storeId: z.number().int().positive(), isActive: z.boolean() });
const manage = { role: "admin", permission: "stores.manage", revalidate: "/admin/stores" } as const;

/** Saves a store's commissions and limits (limits arrive as JSON text). */
export async function updateStoreAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: storeFormSchema }, input, async ({ input, actor, t }) => {
    const { changed } = await updateStore(input, actor);
    return { ok: true, message: changed ? t("admin.stores.updated") : t("admin.common.noChanges") };
  });
}

/** Switches a store on or off (an inactive store's API keys are refused). */
export async function setStoreActiveAction(storeId: unknown, isActive: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: activeSchema }, { storeId, isActive }, async ({ input, actor, t }) => {
    await updateStore(input, actor);
    return { ok: true, message: input.isActive ? t("admin.stores.activated") : t("admin.stores.deactivated") };
  });
}

/** Opens a store for a merchant with its commissions; the merchant then adds keys and a callback URL. */
export async function createStoreAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: storeCreateSchema }, input, async ({ input, actor, t }) => {
    await createStore(input, actor);
    return { ok: true, message: t("admin.stores.created", { name: input.name }) };
  });
}
