"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invalidInput, refused, type ActionResult } from "@/lib/web/merchant-action-result";
import { requireMerchant } from "@/lib/web/merchant-session";
import { rotateStoreWebhookSecret } from "@/lib/stores/rotate-store-webhook-secret";
import { setDailySummaryOptIn } from "@/lib/stores/set-daily-summary-opt-in";
import { createStoreApiKey, revokeStoreApiKey } from "@/lib/stores/store-api-keys";
import { apiKeyNameSchema, callbackUrlSchema } from "@/lib/stores/store-settings-schemas";
import { updateCallbackUrl } from "@/lib/stores/update-callback-url";
import { getTranslator } from "@/lib/web/locale";

// Every action is a public endpoint: it checks the role, validates its input, and the lib
// function checks that the store or key belongs to this merchant.

const id = z.number().int().positive().max(2_147_483_647);
const storePath = (storeId: number) => `/merchant/stores/${storeId}`;

export async function saveCallbackUrlAction(storeId: number, url: string): Promise<ActionResult> {
  const { user, actor } = await requireMerchant();
  const { t } = await getTranslator();
  const input = z.object({ storeId: id, url: callbackUrlSchema }).safeParse({ storeId, url });
  if (!input.success) return invalidInput(input.error, t);
  try {
    await updateCallbackUrl(user.id, input.data.storeId, input.data.url, actor);
  } catch (error) {
    return refused(error, t);
  }
  revalidatePath(storePath(input.data.storeId));
  return { ok: true };
}

export async function rotateWebhookSecretAction(storeId: number): Promise<ActionResult<{ secret: string }>> {
  const { user, actor } = await requireMerchant();
  const { t } = await getTranslator();
  const input = id.safeParse(storeId);
  if (!input.success) return invalidInput(input.error, t);
  try {
    const { secret } = await rotateStoreWebhookSecret(user.id, input.data, actor);
    revalidatePath(storePath(input.data));
    return { ok: true, secret };
  } catch (error) {
    return refused(error, t);
  }
}

export async function createApiKeyAction(storeId: number, name: string): Promise<ActionResult<{ key: string }>> {
  const { user, actor } = await requireMerchant();
  const { t } = await getTranslator();
  const input = z.object({ storeId: id, name: apiKeyNameSchema }).safeParse({ storeId, name });
  if (!input.success) return invalidInput(input.error, t);
  try {
    const { key } = await createStoreApiKey(user.id, input.data.storeId, input.data.name, actor);
    revalidatePath(storePath(input.data.storeId));
    return { ok: true, key };
  } catch (error) {
    return refused(error, t);
  }
}

export async function revokeApiKeyAction(keyId: number): Promise<ActionResult> {
  const { user, actor } = await requireMerchant();
  const { t } = await getTranslator();
  const input = id.safeParse(keyId);
  if (!input.success) return invalidInput(input.error, t);
  try {
    await revokeStoreApiKey(user.id, input.data, actor);
  } catch (error) {
    return refused(error, t);
  }
  revalidatePath("/merchant/stores", "layout");
  return { ok: true };
}

export async function setDailySummaryAction(enabled: boolean): Promise<ActionResult> {
  const { user, actor } = await requireMerchant();
  const { t } = await getTranslator();
  const input = z.boolean().safeParse(enabled);
  if (!input.success) return invalidInput(input.error, t);
  await setDailySummaryOptIn(user.id, input.data, actor);
  revalidatePath("/merchant/stores");
  return { ok: true };
}
