-- AlterTable
ALTER TABLE "incoming_orders" ADD COLUMN     "declined_trader_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "offer_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "offered_requisite_id" INTEGER,
ADD COLUMN     "offered_trader_id" INTEGER,
ADD COLUMN     "store_commission" DECIMAL(9,6),
ADD COLUMN     "trader_reward" DECIMAL(9,6);

-- Snapshot the commissions of existing orders: the store's as it is now, the trader's as recorded
-- at completion (order_history) or as it is now, never above the store's (the platform's share
-- is never negative).
UPDATE "incoming_orders" o
SET "store_commission" = CASE WHEN o.type = 'payin' THEN s.payin_commission ELSE s.payout_commission END
FROM "merchant_store" s WHERE s.id = o.store_id;

UPDATE "incoming_orders" o
SET "trader_reward" = LEAST(o.store_commission, COALESCE(
      (SELECT h.trader_commission FROM "order_history" h
       WHERE h.incoming_order_id = o.id AND h.trader_commission IS NOT NULL ORDER BY h.id DESC LIMIT 1),
      CASE WHEN o.type = 'payin' THEN t.payin_reward ELSE t.payout_reward END))
FROM "trader" t WHERE t.id = o.trader_id;

UPDATE "incoming_orders" o
SET "ended_at" = o.updated_at WHERE o.status IN ('expired', 'cancelled', 'failed');

ALTER TABLE "incoming_orders" ALTER COLUMN "store_commission" SET NOT NULL;
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_platform_share_check"
  CHECK ("trader_reward" IS NULL OR "trader_reward" <= "store_commission");

-- Replaced by the merchant's confirmation window (order.payout_confirm_window_seconds).
DELETE FROM "configuration_settings" WHERE "key" = 'order.payout_auto_complete';

-- AlterTable
ALTER TABLE "req_trader" ADD COLUMN     "blocked_reason" VARCHAR(500);

-- CreateIndex
CREATE INDEX "incoming_orders_offered_trader_id_idx" ON "incoming_orders"("offered_trader_id");

-- CreateIndex
CREATE INDEX "incoming_orders_offered_requisite_id_idx" ON "incoming_orders"("offered_requisite_id");

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_offered_trader_id_fkey" FOREIGN KEY ("offered_trader_id") REFERENCES "trader"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_orders" ADD CONSTRAINT "incoming_orders_offered_requisite_id_fkey" FOREIGN KEY ("offered_requisite_id") REFERENCES "req_trader"("id") ON DELETE SET NULL ON UPDATE CASCADE;
