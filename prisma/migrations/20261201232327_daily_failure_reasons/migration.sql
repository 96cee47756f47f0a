-- CreateTable
CREATE TABLE "daily_failure_reasons" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "store_id" INTEGER NOT NULL,
    "status" "order_status" NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "count" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "daily_failure_reasons_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "daily_failure_reasons_store_id_day_idx" ON "daily_failure_reasons"("store_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "daily_failure_reasons_day_store_id_status_reason_key" ON "daily_failure_reasons"("day", "store_id", "status", "reason");

-- AddForeignKey
ALTER TABLE "daily_failure_reasons" ADD CONSTRAINT "daily_failure_reasons_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
