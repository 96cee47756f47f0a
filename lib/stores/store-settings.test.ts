import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { sha256Hex } from "@/lib/auth/api-keys";
import { createMerchantApiKey, createStore, createUser } from "@/lib/testing";
import { getMerchantStore } from "./get-merchant-store";
import { rotateStoreWebhookSecret } from "./rotate-store-webhook-secret";
import { setDailySummaryOptIn } from "./set-daily-summary-opt-in";
import { createStoreApiKey, MAX_ACTIVE_KEYS_PER_STORE, revokeStoreApiKey } from "./store-api-keys";
import { callbackUrlSchema } from "./store-settings-schemas";
import { updateCallbackUrl } from "./update-callback-url";

async function merchantWithStore() {
  const user = await createUser(prisma, { role: "merchant" });
  const store = await createStore(prisma, { userId: user.id, callbackUrl: "https://shop.example/hooks" });
  const actor: Actor = { type: "user", userId: user.id, ip: "203.0.113.7", userAgent: "vitest" };
  return { user, store, actor };
}

const auditRows = (entityType: string, entityId: number) =>
  prisma.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });

describe("callback URL", () => {
  it("accepts http(s) URLs, clears on empty, refuses other schemes and credentials", () => {
    expect(callbackUrlSchema.parse(" https://shop.example/cb?x=1 ")).toBe("https://shop.example/cb?x=1");
    expect(callbackUrlSchema.parse("http://shop.example")).toBe("http://shop.example/");
    expect(callbackUrlSchema.parse("")).toBeNull();
    for (const bad of ["ftp://shop.example", "javascript:alert(1)", "shop.example/cb", "https://user:pw@shop.example/", `https://x.example/${"a".repeat(2048)}`]) {
      expect(callbackUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("is saved with an audit row of old and new; another merchant's store is not found and unchanged", async () => {
    const { user, store, actor } = await merchantWithStore();
    await updateCallbackUrl(user.id, store.id, "https://shop.example/v2", actor);
    expect((await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } })).callbackUrl).toBe("https://shop.example/v2");
    const [audit] = await auditRows("store", store.id);
    expect(audit).toMatchObject({
      userId: user.id,
      action: "store.callback_url_updated",
      oldValues: { callback_url: "https://shop.example/hooks" },
      newValues: { callback_url: "https://shop.example/v2" },
      ip: "203.0.113.7",
    });

    const intruder = await merchantWithStore();
    await expect(updateCallbackUrl(intruder.user.id, store.id, "https://evil.example/", intruder.actor)).rejects.toMatchObject({ kind: "not_found", code: "store_not_found" });
    expect((await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } })).callbackUrl).toBe("https://shop.example/v2");
    expect(await auditRows("store", store.id)).toHaveLength(1);
  });
});

describe("webhook secret rotation", () => {
  it("returns the new secret once and keeps the old as previous; another merchant cannot rotate", async () => {
    const { user, store, actor } = await merchantWithStore();
    const intruder = await merchantWithStore();
    await expect(rotateStoreWebhookSecret(intruder.user.id, store.id, intruder.actor)).rejects.toMatchObject({ code: "store_not_found" });
    expect((await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } })).webhookSecret).toBe(store.webhookSecret);

    const { secret } = await rotateStoreWebhookSecret(user.id, store.id, actor);
    const after = await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } });
    expect(after).toMatchObject({ webhookSecret: secret, webhookSecretPrevious: store.webhookSecret });
    expect(secret).toMatch(/^whsec_/);
    const page = await getMerchantStore(user.id, store.id);
    expect(page.maskedWebhookSecret).not.toContain(secret.slice(6, -4));
    expect(page.maskedWebhookSecret.endsWith(secret.slice(-4))).toBe(true);
    expect(JSON.stringify(page)).not.toContain(secret);
    await expect(getMerchantStore(intruder.user.id, store.id)).rejects.toMatchObject({ code: "store_not_found" });
  });
});

describe("API keys", () => {
  it("creates a key shown once (stored as SHA-256 and prefix), lists and revokes it, all audit-logged", async () => {
    const { user, store, actor } = await merchantWithStore();
    const created = await createStoreApiKey(user.id, store.id, "Production", actor);
    expect(created.key).toMatch(/^jp_live_[A-Za-z0-9_-]{32}$/);
    const row = await prisma.merchantApiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ storeId: store.id, keyHash: sha256Hex(created.key), keyPrefix: created.key.slice(0, 12), createdById: user.id, revokedAt: null });
    expect(JSON.stringify(await getMerchantStore(user.id, store.id))).not.toContain(created.key);

    await revokeStoreApiKey(user.id, created.id, actor);
    expect((await prisma.merchantApiKey.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeInstanceOf(Date);
    await expect(revokeStoreApiKey(user.id, created.id, actor)).rejects.toMatchObject({ code: "already_revoked" });
    const audit = await auditRows("merchant_api_key", created.id);
    expect(audit.map((a) => a.action)).toEqual(["merchant_api_key.created", "merchant_api_key.revoked"]);
    expect(JSON.stringify(audit.map((a) => [a.oldValues, a.newValues]))).not.toContain(created.key);
  });

  it("refuses another merchant's store and key: not found, nothing created or revoked", async () => {
    const owner = await merchantWithStore();
    const intruder = await merchantWithStore();
    const { row } = await createMerchantApiKey(prisma, { storeId: owner.store.id });
    await expect(createStoreApiKey(intruder.user.id, owner.store.id, "mine now", intruder.actor)).rejects.toMatchObject({ code: "store_not_found" });
    await expect(revokeStoreApiKey(intruder.user.id, row.id, intruder.actor)).rejects.toMatchObject({ kind: "not_found", code: "api_key_not_found" });
    expect(await prisma.merchantApiKey.findMany({ where: { storeId: owner.store.id } })).toEqual([row]);
  });

  it(`caps a store at ${MAX_ACTIVE_KEYS_PER_STORE} active keys, even when created concurrently`, async () => {
    const { user, store, actor } = await merchantWithStore();
    const results = await Promise.allSettled(Array.from({ length: MAX_ACTIVE_KEYS_PER_STORE + 5 }, (_, i) => createStoreApiKey(user.id, store.id, `key ${i}`, actor)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_ACTIVE_KEYS_PER_STORE);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "too_many_api_keys" });
    expect(await prisma.merchantApiKey.count({ where: { storeId: store.id, revokedAt: null } })).toBe(MAX_ACTIVE_KEYS_PER_STORE);
  });
});

describe("daily summary opt-in", () => {
  it("switches the user's flag with an audit row, and does nothing when unchanged", async () => {
    const { user, actor } = await merchantWithStore();
    await setDailySummaryOptIn(user.id, true, actor);
    await setDailySummaryOptIn(user.id, true, actor);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).dailySummaryOptIn).toBe(true);
    await setDailySummaryOptIn(user.id, false, actor);
    const audit = await auditRows("user", user.id);
    expect(audit.map((a) => a.newValues)).toEqual([{ daily_summary_opt_in: true }, { daily_summary_opt_in: false }]);
  });
});
