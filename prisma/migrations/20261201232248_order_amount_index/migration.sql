-- CreateIndex
CREATE INDEX "incoming_orders_store_id_currency_id_amount_idx" ON "incoming_orders"("store_id", "currency_id", "amount");
