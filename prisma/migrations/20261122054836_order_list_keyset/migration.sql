-- DropIndex
DROP INDEX "incoming_orders_store_id_created_at_idx";

-- DropIndex
DROP INDEX "incoming_orders_store_id_id_idx";

-- DropIndex
DROP INDEX "incoming_orders_store_id_status_id_idx";

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_created_at_id_idx" ON "incoming_orders"("store_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_status_created_at_id_idx" ON "incoming_orders"("store_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incoming_orders_store_id_type_created_at_id_idx" ON "incoming_orders"("store_id", "type", "created_at" DESC, "id" DESC);
