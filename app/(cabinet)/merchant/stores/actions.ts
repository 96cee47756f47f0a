"use server";

import { z } from "zod";
import { rotateStoreWebhookSecret } from "@/lib/stores/rotate-store-webhook-secret";
import { setDailySummaryOptIn } from "@/lib/stores/set-daily-summary-opt-in";
import { createStoreApiKey, revokeStoreApiKey } from "@/lib/stores/store-api-keys";
import { apiKeyNameSchema, callbackUrlSchema } from "@/lib/stores/store-settings-schemas";
import { updateCallbackUrl } from "@/lib/stores/update-callback-url";
import { runAction, type ActionResult } from "@/lib/web/action";

// Every action is a public endpoint: runAction checks the role and the input, and the lib
// function checks that the store or key belongs to this merchant.

const id = z.number().int().positive().max(2_147_483_647);
const storePath = ({ storeId }: { storeId: number }) => `/merchant/stores/${storeId}`;

export async function saveCallbackUrlAction(storeId: number, url: string): Promise<ActionResult> {
  const schema = z.object({ storeId: id, url: callbackUrlSchema });
  return runAction({ role: "merchant", schema, revalidate: storePath }, { storeId, url }, async ({ user, actor, input }) => {
    await updateCallbackUrl(user.id, input.storeId, input.url, actor);
    return { ok: true };
  });
}

export async function rotateWebhookSecretAction(storeId: number): Promise<ActionResult<{ secret: string }>> {
  return runAction({ role: "merchant", schema: z.object({ storeId: id }), revalidate: storePath }, { storeId }, async ({ user, actor, input }) => {
    const { secret } = await rotateStoreWebhookSecret(user.id, input.storeId, actor);
    return { ok: true, secret };
  });
}

export async function createApiKeyAction(storeId: number, name: string): Promise<ActionResult<{ key: string }>> {
  const schema = z.object({ storeId: id, name: apiKeyNameSchema });
  return runAction({ role: "merchant", schema, revalidate: storePath }, { storeId, name }, async ({ user, actor, input }) => {
    const { key } = await createStoreApiKey(user.id, input.storeId, input.name, actor);
    return { ok: true, key };
  });
}

export async function revokeApiKeyAction(keyId: number): Promise<ActionResult> {
  const revalidate = { path: "/merchant/stores", type: "layout" } as const;
  return runAction({ role: "merchant", schema: z.object({ keyId: id }), revalidate }, { keyId }, async ({ user, actor, input }) => {
    await revokeStoreApiKey(user.id, input.keyId, actor);
    return { ok: true };
  });
}

export async function setDailySummaryAction(enabled: boolean): Promise<ActionResult> {
  return runAction({ role: "merchant", schema: z.object({ enabled: z.boolean() }), revalidate: "/merchant/stores" }, { enabled }, async ({ user, actor, input }) => {
    await setDailySummaryOptIn(user.id, input.enabled, actor);
    return { ok: true };
  });
}
