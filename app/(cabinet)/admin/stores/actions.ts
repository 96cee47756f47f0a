"use server";

import { z } from "zod";
import { storeUpdateSchema, updateStore } from "@/lib/stores/update-store";
import { createStore, storeCreateSchema } from "@/lib/stores/create-store";
import { jsonText, storeLimitsSchema } from "@/lib/validation/schemas";
import type { ActionResult } from "@/components/admin/action-result";
import { parseActionInput, runAdminAction } from "../admin-action";

const storeFormSchema = storeUpdateSchema.extend({ limits: jsonText(storeLimitsSchema).optional() });

/** Saves a store's commissions and limits (limits arrive as JSON text). */
export async function updateStoreAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/stores", "stores.manage", async (context) => {
    const { changed } = await updateStore(parseActionInput(storeFormSchema, input, context), context.actor);
    return changed ? context.t("admin.stores.updated") : context.t("admin.common.noChanges");
  });
}

/** Switches a store on or off (an inactive store's API keys are refused). */
export async function setStoreActiveAction(storeId: unknown, isActive: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/stores", "stores.manage", async (context) => {
    const input = parseActionInput(z.object({ storeId: z.number().int().positive(), isActive: z.boolean() }), { storeId, isActive }, context);
    await updateStore(input, context.actor);
    return input.isActive ? context.t("admin.stores.activated") : context.t("admin.stores.deactivated");
  });
}

/** Opens a store for a merchant with its commissions; the merchant then adds keys and a callback URL. */
export async function createStoreAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/stores", "stores.manage", async (context) => {
    const data = parseActionInput(storeCreateSchema, input, context);
    await createStore(data, context.actor);
    return context.t("admin.stores.created", { name: data.name });
  });
}
