import "server-only";
import { minorToDecimalString } from "@/lib/money/convert";
import { CSV_BOM, CSV_DIALECTS, csvDecimal, csvLine, neutralizeFormula, type CsvDialect } from "./csv";
import type { OrderFilters } from "@/lib/orders/order-filters";
import { streamOrders, type OrderRow } from "@/lib/orders/order-keyset";
import { listOwnedStoreIds } from "@/lib/stores/owned-stores";
import type { DataWorld } from "@/lib/sandbox/data-world";

/** Settlement currency exponent (USDT): crypto_amount is in micro-USDT. */
const CRYPTO_EXPONENT = 6;
export const EXPORT_BATCH_SIZE = 1000;

/** Column names as in the gateway API's order object, so a file and an API response read alike. */
const HEADER = [
  "id",
  "merchant_order_id",
  "type",
  "status",
  "store_id",
  "store",
  "customer_id",
  "amount",
  "currency",
  "crypto_amount",
  "rate",
  "failure_reason",
  "created_at",
  "completed_at",
] as const;

function orderRecord(order: OrderRow, dialect: CsvDialect): (string | null)[] {
  return [
    order.id,
    neutralizeFormula(order.merchantOrderId),
    order.type,
    order.status,
    String(order.storeId),
    neutralizeFormula(order.store.name),
    neutralizeFormula(order.customerId),
    csvDecimal(minorToDecimalString(order.amount, order.currency.exponent), dialect),
    order.currency.code,
    order.cryptoAmount === null ? null : csvDecimal(minorToDecimalString(order.cryptoAmount, CRYPTO_EXPONENT), dialect),
    order.rate ? csvDecimal(order.rate.toFixed(), dialect) : null,
    order.failureReason,
    order.createdAt.toISOString(),
    order.completedAt?.toISOString() ?? null,
  ];
}

/**
 * The merchant's orders matching `filters` as CSV text, newest first: the first chunk is the
 * byte order mark and the header, then one chunk per `batchSize` orders. Orders are streamed
 * from the database in keyset batches (streamOrders), so a million-row export never holds more
 * than a batch per store in memory. Another merchant's store in the filter yields just the header.
 * `dialect` is the reader's spreadsheet convention (CSV_DIALECTS by cabinet language).
 */
export async function* merchantOrdersCsv(
  merchantUserId: number,
  filters: OrderFilters,
  { batchSize = EXPORT_BATCH_SIZE, dialect = CSV_DIALECTS.en, world = "live" }: { batchSize?: number; dialect?: CsvDialect; world?: DataWorld } = {},
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(HEADER, dialect);
  const owned = await listOwnedStoreIds(merchantUserId, world);
  const storeIds = filters.storeId === undefined ? owned : owned.filter((id) => id === filters.storeId);
  let chunk: string[] = [];
  for await (const order of streamOrders(storeIds, filters, batchSize)) {
    chunk.push(csvLine(orderRecord(order, dialect), dialect));
    if (chunk.length === batchSize) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join("");
}
