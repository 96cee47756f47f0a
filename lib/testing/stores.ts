import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./db";
import { storedSecret } from "./hash";
import { randomBase62, uniqueSuffix } from "./unique";
import { createUser } from "./users";

export interface CreateStoreInput {
  /** Owner; a new merchant user when omitted. */
  userId?: number;
  name?: string;
  callbackUrl?: string | null;
  webhookSecret?: string;
  payinCommission?: string;
  payoutCommission?: string;
  limits?: Prisma.InputJsonValue;
  allowAmountAdjustment?: boolean;
  isActive?: boolean;
  /** A sandbox store (fixed at creation). */
  isSandbox?: boolean;
}

export function newWebhookSecret(): string {
  return `whsec_${Buffer.from(randomBase62(32)).toString("base64")}`;
}

export async function createStore(db: Db, input: CreateStoreInput = {}) {
  const userId = input.userId ?? (await createUser(db, { role: "merchant" })).id;
  return db.merchantStore.create({
    data: {
      userId,
      name: input.name ?? `Test store ${uniqueSuffix()}`,
      callbackUrl: input.callbackUrl ?? null,
      webhookSecret: input.webhookSecret ?? newWebhookSecret(),
      payinCommission: input.payinCommission ?? "0.03",
      payoutCommission: input.payoutCommission ?? "0.02",
      limits: input.limits ?? {},
      allowAmountAdjustment: input.allowAmountAdjustment ?? false,
      isActive: input.isActive ?? true,
      isSandbox: input.isSandbox ?? false,
    },
  });
}

/** Stores a merchant API key (only its SHA-256 and prefix); returns the row and the key itself. */
export async function createMerchantApiKey(
  db: Db,
  input: { storeId: number; key?: string; name?: string; createdById?: number | null; revokedAt?: Date | null },
) {
  const { secret: key, prefix, hash } = storedSecret(input.key);
  const row = await db.merchantApiKey.create({
    data: { storeId: input.storeId, name: input.name ?? "Test key", keyPrefix: prefix, keyHash: hash, createdById: input.createdById ?? null, revokedAt: input.revokedAt ?? null },
  });
  return { row, key };
}
