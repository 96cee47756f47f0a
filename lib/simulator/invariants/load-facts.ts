import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderFacts } from "./facts";

/** The newest id of every append-only table the invariants follow: what a step wrote is what lies above. */
export interface Watermarks {
  history: number;
  store: number;
  crypto: number;
  fiat: number;
  platform: number;
  disputes: number;
}

const WATERMARKS_SQL = `json_build_object(
  'history', (SELECT COALESCE(max(id), 0) FROM order_history)::int,
  'store', (SELECT COALESCE(max(id), 0) FROM balance_store_history)::int,
  'crypto', (SELECT COALESCE(max(id), 0) FROM balance_trader_crypto_history)::int,
  'fiat', (SELECT COALESCE(max(id), 0) FROM balance_trader_fiat_history)::int,
  'platform', (SELECT COALESCE(max(id), 0) FROM balance_platform_history)::int,
  'disputes', (SELECT COALESCE(max(id), 0) FROM disputes)::int)`;

/** The watermarks now, and (when `orderId` is given) that order's row as JSON text, in one round trip. */
export async function readWatermarks(prisma: PrismaClient, orderId: string | null = null): Promise<{ marks: Watermarks; order: string | null }> {
  const [row] = await prisma.$queryRawUnsafe<{ marks: Watermarks; order: string | null }[]>(
    `SELECT ${WATERMARKS_SQL} AS marks, (SELECT row_to_json(o)::text FROM incoming_orders o WHERE id = $1) AS "order"`,
    orderId,
  );
  return row;
}

export const sameWatermarks = (a: Watermarks, b: Watermarks) => (Object.keys(a) as (keyof Watermarks)[]).every((k) => a[k] === b[k]);

// Money as text: json numbers would lose bigint precision.
const LEDGER = (table: string, account: string, owner: string) =>
  `SELECT '${account}' AS account, ${owner} AS owner, currency_id AS "currencyId", reason, delta::text AS delta, held_delta::text AS held
   FROM ${table} WHERE order_id = o.id`;

type OrderRow = Omit<OrderFacts, "amount" | "cryptoAmount"> & { amount: string; cryptoAmount: string | null };

/**
 * Every order that has a row above the watermarks (a transition, a movement, a dispute) or is
 * listed in `also`, with its whole story, and the new watermarks: one round trip per step.
 */
export async function loadTouchedOrders(prisma: PrismaClient, since: Watermarks, also: string[]): Promise<{ orders: OrderFacts[]; marks: Watermarks }> {
  const [{ orders, marks }] = await prisma.$queryRawUnsafe<{ orders: OrderRow[]; marks: Watermarks }[]>(
    `WITH touched AS (
       SELECT incoming_order_id AS id FROM order_history WHERE id > $1
       UNION SELECT order_id FROM balance_store_history WHERE id > $2 AND order_id IS NOT NULL
       UNION SELECT order_id FROM balance_trader_crypto_history WHERE id > $3 AND order_id IS NOT NULL
       UNION SELECT order_id FROM balance_trader_fiat_history WHERE id > $4 AND order_id IS NOT NULL
       UNION SELECT order_id FROM balance_platform_history WHERE id > $5 AND order_id IS NOT NULL
       UNION SELECT order_id FROM disputes WHERE id > $6
       UNION SELECT unnest($7::text[])
     ), facts AS (
     SELECT o.id, o.type, o.status, o.store_id AS "storeId", o.trader_id AS "traderId", o.requisite_id AS "requisiteId",
            o.currency_id AS "currencyId", o.amount::text AS amount, o.crypto_amount::text AS "cryptoAmount", o.rate::text AS rate,
            o.store_commission::text AS "storeCommission", o.trader_reward::text AS "traderReward",
            COALESCE((SELECT json_agg(json_build_object('id', h.id, 'from', h.from_status, 'to', h.status, 'actorType', h.actor_type,
                        'actorUserId', h.actor_user_id, 'traderId', h.trader_id, 'storeCommission', h.store_commission::text,
                        'storeCommissionAmount', h.store_commission_amount::text, 'traderCommission', h.trader_commission::text,
                        'traderCommissionAmount', h.trader_commission_amount::text, 'platformProfit', h.platform_profit::text) ORDER BY h.id)
                      FROM order_history h WHERE h.incoming_order_id = o.id), '[]') AS history,
            COALESCE((SELECT json_agg(m) FROM (${LEDGER("balance_store_history", "store", "store_id")}
                        UNION ALL ${LEDGER("balance_trader_crypto_history", "trader_crypto", "trader_id")}
                        UNION ALL ${LEDGER("balance_trader_fiat_history", "trader_fiat", "trader_id")}
                        UNION ALL ${LEDGER("balance_platform_history", "platform", "NULL::int")}) m), '[]') AS ledger,
            COALESCE((SELECT json_agg(json_build_object('id', d.id, 'status', d.status)) FROM disputes d WHERE d.order_id = o.id), '[]') AS disputes
     FROM incoming_orders o WHERE o.id IN (SELECT id FROM touched WHERE id IS NOT NULL))
     SELECT COALESCE((SELECT json_agg(facts) FROM facts), '[]') AS orders, ${WATERMARKS_SQL} AS marks`,
    since.history, since.store, since.crypto, since.fiat, since.platform, since.disputes, also,
  );
  return {
    marks,
    orders: orders.map((row) => ({ ...row, amount: BigInt(row.amount), cryptoAmount: row.cryptoAmount === null ? null : BigInt(row.cryptoAmount) })),
  };
}
