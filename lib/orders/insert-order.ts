import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { auditInsertSql, toJson, type Actor } from "@/lib/audit/record-audit";
import { newOrderId } from "@/lib/ids/ulid";
import { newPaymentToken } from "@/lib/payment-page/new-payment-token";
import { claimKeySql, IdempotencyKeyTaken, type IdempotencyClaim } from "@/lib/api/idempotency";
import { StaleCredentials, type CachedCredentials } from "@/lib/api/authenticate-request";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LockedOrder } from "./load-order";

export interface NewOrder {
  type: "payin" | "payout";
  storeId: number;
  currencyId: number;
  now: Date;
  amount: bigint;
  customerId: string;
  merchantOrderId: string;
  metadata?: unknown;
  /** Type-specific columns (payment method; a payout's destination, rate and USDT value). */
  extra?: { paymentMethodId?: number | null; destination?: unknown; rate?: string; cryptoAmount?: bigint; returnUrl?: string | null };
  /** A cached authentication's credentials, checked by the INSERT itself (StaleCredentials when they no longer hold). */
  credentials?: CachedCredentials;
}

const jsonOrNull = (value: unknown) => (value == null ? null : JSON.stringify(toJson(value)));

/**
 * Inserts a new order in `created` together with its audit entry (the first row of its story),
 * in one statement, with the store's commission for its direction fixed on it, and returns it
 * as a locked order: no other transaction can see the row
 * before this one commits. A pay-in gets its payment page's token here (and in insertMatchedPayin,
 * the fast path), so every pay-in has one from its first row. With an Idempotency-Key claim, the same statement claims the key
 * (IdempotencyKeyTaken when another request holds it; see IdempotencyClaim).
 */
export async function insertOrder(tx: Tx, order: NewOrder, actor: Actor, claim?: IdempotencyClaim): Promise<LockedOrder> {
  const { type, storeId, currencyId, now, amount, customerId, merchantOrderId, extra = {} } = order;
  const id = newOrderId(type, now);
  const paymentToken = type === "payin" ? newPaymentToken() : null;
  const [row] = await tx.$queryRaw<(Omit<LockedOrder, "requisite"> & { idempotency_id?: bigint | null })[]>`
    WITH o AS (
      INSERT INTO incoming_orders (id, type, store_id, amount, original_amount, currency_id, customer_id, merchant_order_id,
                                   metadata, payment_method_id, destination, rate, crypto_amount, created_at, next_match_at, updated_at,
                                   store_commission, payment_token, return_url)
      SELECT ${id}, ${type}::order_type, s.id, ${amount}, ${amount}, ${currencyId}::int, ${customerId}, ${merchantOrderId},
             ${jsonOrNull(order.metadata)}::jsonb, ${extra.paymentMethodId ?? null}::int, ${jsonOrNull(extra.destination)}::jsonb,
             ${extra.rate ?? null}::numeric, ${extra.cryptoAmount ?? null}::bigint, ${now}, ${now}, ${now},
             -- The commission snapshot: later edits of the store affect new orders only.
             CASE WHEN ${type}::text = 'payin' THEN s.payin_commission ELSE s.payout_commission END,
             ${paymentToken}, ${extra.returnUrl ?? null}
      FROM merchant_store s WHERE s.id = ${storeId}::int ${credentialsHold(order.credentials)}
      RETURNING id, type, status, store_id, trader_id, requisite_id, currency_id, amount, crypto_amount, rate::text AS rate, customer_id,
                expires_at, ended_at, failure_reason, store_commission::text AS store_commission, trader_reward::text AS trader_reward,
                offered_trader_id, offered_requisite_id, offer_expires_at, declined_trader_ids
    ), audit AS (${auditInsertSql(actor, {
      action: "order.created",
      entityType: "order",
      entityId: id,
      newValues: { status: "created", type, amount, merchant_order_id: merchantOrderId },
    })})${claim ? claimKeySql(claim) : Prisma.empty}
    SELECT o.*, (SELECT code FROM currencies WHERE id = o.currency_id) AS currency_code
           ${claim ? Prisma.sql`, (SELECT idempotency_id FROM claimed) AS idempotency_id` : Prisma.empty}
    FROM o`;
  if (!row) {
    if (order.credentials) throw new StaleCredentials();
    throw new Error(`Store ${storeId} not found`);
  }
  const { idempotency_id: claimedId, ...inserted } = row;
  if (claim) {
    if (claimedId == null) throw new IdempotencyKeyTaken();
    claim.rowId = claimedId;
  }
  return { ...inserted, requisite: null };
}

/** The conditions under which a cached authentication still holds (see CachedCredentials). */
export function credentialsHold(credentials: CachedCredentials | undefined): Prisma.Sql {
  if (!credentials) return Prisma.empty;
  return Prisma.sql`AND s.is_active AND s.updated_at = ${credentials.storeUpdatedAt}
    AND EXISTS (SELECT 1 FROM merchant_api_keys k JOIN users u ON u.id = s.user_id
                WHERE k.id = ${credentials.apiKeyId}::int AND k.store_id = s.id AND k.revoked_at IS NULL AND u.is_active)`;
}

/** Maps the unique (store_id, merchant_order_id) violation to a 409 the merchant can act on. */
export function duplicateOrderError(error: unknown, merchantOrderId: string): unknown {
  if (!isUniqueViolation(error)) return error;
  return new DomainError("duplicate_merchant_order_id", `An order with merchant_order_id ${merchantOrderId} already exists.`, { param: "merchant_order_id" });
}

/** The (store_id, merchant_order_id) unique index, whether hit by a raw query or a model query. */
function isUniqueViolation(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as {
    code?: string;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { originalCode?: string; constraint?: { index?: string } } } };
  };
  if (code === "P2002") return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === "P2010" && cause?.originalCode === "23505" && cause.constraint?.index === "incoming_orders_store_id_merchant_order_id_key";
}
