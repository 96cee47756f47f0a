import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

/** "whsec_…" shown as its prefix and last four characters; the whole secret is shown only when created. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 6)}••••••••${secret.slice(-4)}`;
}

/**
 * A store of this merchant with its settings: callback URL, the webhook secret masked, and
 * its API keys (prefixes only; keys are stored hashed). Another merchant's store is "not found".
 */
export async function getMerchantStore(merchantUserId: number, storeId: number) {
  const store = await prisma.merchantStore.findFirst({
    where: { id: storeId, userId: merchantUserId },
    select: {
      id: true,
      name: true,
      isActive: true,
      isSandbox: true,
      callbackUrl: true,
      webhookSecret: true,
      webhookSecretRotatedAt: true,
      payinCommission: true,
      payoutCommission: true,
      createdAt: true,
      apiKeys: {
        orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
        select: { id: true, name: true, keyPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
      },
    },
  });
  if (!store) throw new DomainError("store_not_found", `No store ${storeId}.`, { param: "store_id" });
  const { webhookSecret, payinCommission, payoutCommission, ...rest } = store;
  return {
    ...rest,
    maskedWebhookSecret: maskSecret(webhookSecret),
    payinCommission: payinCommission.toString(),
    payoutCommission: payoutCommission.toString(),
  };
}

export type MerchantStore = Awaited<ReturnType<typeof getMerchantStore>>;
