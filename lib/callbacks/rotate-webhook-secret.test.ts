import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { createStore } from "@/lib/testing";
import { rotateWebhookSecret } from "./rotate-webhook-secret";

describe("rotateWebhookSecret", () => {
  it("issues a new whsec_ secret, keeps the old one as previous and audit-logs without secrets", async () => {
    const store = await createStore(prisma);
    const actor = { type: "user" as const, userId: store.userId, ip: "203.0.113.9" };
    const first = await rotateWebhookSecret(store.id, actor);
    expect(first.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(first.secret.slice(6), "base64")).toHaveLength(24);

    let row = await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } });
    expect(row).toMatchObject({ webhookSecret: first.secret, webhookSecretPrevious: store.webhookSecret, webhookSecretRotatedAt: first.rotatedAt });

    const second = await rotateWebhookSecret(store.id, actor);
    expect(second.secret).not.toBe(first.secret);
    row = await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } });
    expect(row).toMatchObject({ webhookSecret: second.secret, webhookSecretPrevious: first.secret });

    const audit = await prisma.auditLog.findMany({ where: { entityType: "store", entityId: String(store.id), action: "store.webhook_secret_rotated" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ userId: store.userId, actorType: "user", ip: "203.0.113.9" });
    expect(JSON.stringify(audit.map((a) => [a.oldValues, a.newValues]))).not.toContain("whsec_");
  });

  it("refuses an unknown store", async () => {
    const error = await rotateWebhookSecret(999_999, { type: "system" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: "not_found", code: "store_not_found" });
  });
});
