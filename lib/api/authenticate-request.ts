import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { isSandboxApiKey, sha256Hex } from "@/lib/auth/api-keys";

function bearer(request: Request): string {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S{8,200})$/i.exec(header.trim());
  if (!match) throw new DomainError("missing_api_key");
  return match[1];
}

// last_used_at is informational: written at most once a minute per key, off the hot path.
const USAGE_WRITE_MS = 60_000;
const lastUsageWrite = new Map<string, number>();
function touch(kind: "key" | "token", id: number, write: () => Promise<unknown>) {
  const key = `${kind}:${id}`;
  const now = Date.now();
  if (now - (lastUsageWrite.get(key) ?? 0) < USAGE_WRITE_MS) return;
  lastUsageWrite.set(key, now);
  write().catch(() => lastUsageWrite.delete(key));
}

const deactivatedAccount = () =>
  new DomainError("account_deactivated");

/**
 * The credentials a cached authentication stood on, re-checked by the order's INSERT in the
 * same statement (lib/orders/insert-order.ts): the key not revoked, the store active and not
 * edited since (its limits and settings are what the order uses), its owner active.
 */
export interface CachedCredentials {
  apiKeyId: number;
  storeUpdatedAt: Date;
}

/** The cached credentials no longer hold: authenticate afresh (and answer its 401, if any). */
export class StaleCredentials extends Error {
  constructor() {
    super("The cached API key authentication no longer holds");
  }
}

// Merchant keys authenticated lately, by key hash, for order creation only (see authenticateStore).
const CACHE_MS = 30_000;
const CACHE_MAX = 10_000;
type StoreAuth = Awaited<ReturnType<typeof lookUpStore>>;
// On globalThis: one cache per process, whichever route bundle authenticated the key.
const cachedStores: Map<string, { auth: StoreAuth; at: number }> = ((globalThis as { jivapayCachedStores?: Map<string, { auth: StoreAuth; at: number }> }).jivapayCachedStores ??= new Map());

/** Drops the request's key from this process's cache (after StaleCredentials). */
export function forgetCachedStore(request: Request): void {
  cachedStores.delete(sha256Hex(bearer(request)));
}

/**
 * The store behind a merchant API key: a missing, unknown or revoked key, a deactivated store
 * and a deactivated owner are each a 401 with their own code. Read in one query, so switching
 * the owner off stops every key at once.
 *
 * `cached`: order creation may take a key this process authenticated within the last 30 s
 * without a query — its store then carries the CachedCredentials its INSERT re-checks in the
 * same statement (StaleCredentials when they no longer hold), so a revoked key, a deactivated
 * store or owner, or an edited store never create an order. Every other route reads afresh.
 */
export async function authenticateStore(request: Request, options: { cached?: boolean } = {}) {
  const hash = sha256Hex(bearer(request));
  if (options.cached) {
    const hit = cachedStores.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      const { auth } = hit;
      const cachedCredentials: CachedCredentials = { apiKeyId: auth.apiKeyId, storeUpdatedAt: auth.store.updatedAt };
      return { ...auth, store: { ...auth.store, cachedCredentials } };
    }
  }
  const auth = await lookUpStore(hash);
  if (cachedStores.size >= CACHE_MAX) cachedStores.clear();
  cachedStores.set(hash, { auth, at: Date.now() });
  return { ...auth, store: { ...auth.store, cachedCredentials: undefined as CachedCredentials | undefined } };
}

async function lookUpStore(hash: string) {
  const key = await prisma.merchantApiKey.findUnique({
    where: { keyHash: hash },
    include: {
      store: {
        select: {
          id: true,
          isActive: true,
          limits: true,
          allowAmountAdjustment: true,
          payinCommission: true,
          isSandbox: true,
          userId: true,
          updatedAt: true,
          user: { select: { isActive: true } },
        },
      },
    },
  });
  if (!key || key.revokedAt) throw new DomainError("invalid_api_key");
  if (!key.store.user.isActive) throw deactivatedAccount();
  if (!key.store.isActive) throw new DomainError("store_deactivated");
  // Defense in depth: a sandbox key only ever on a sandbox store and a live key only on a live
  // one, so a key row attached to the wrong store (a bug, a hand edit) cannot move real orders
  // to the simulated trader or sandbox orders to real traders.
  if (isSandboxApiKey(key.keyPrefix) !== key.store.isSandbox) throw new DomainError("api_key_store_mismatch");
  touch("key", key.id, () => prisma.merchantApiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }));
  return { apiKeyId: key.id, store: key.store };
}

/** The trader behind a personal trader API token; a deactivated trader or user is a 401 `account_deactivated`. */
export async function authenticateTrader(request: Request) {
  const hash = sha256Hex(bearer(request));
  const token = await prisma.traderApiToken.findUnique({
    where: { tokenHash: hash },
    include: { trader: { select: { id: true, isActive: true, userId: true, user: { select: { isActive: true } } } } },
  });
  if (!token || token.revokedAt) throw new DomainError("invalid_api_token");
  if (!token.trader.isActive || !token.trader.user.isActive) throw deactivatedAccount();
  touch("token", token.id, () => prisma.traderApiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } }));
  return { tokenId: token.id, trader: token.trader };
}
