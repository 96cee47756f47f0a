-- Issue 14: the hosted payment page, receipt files kept outside the database, sandbox stores.

-- Hosted payment page: one unguessable token per pay-in (256 random bits, base64url), the
-- page's address is /pay/{token}; and where the page sends the customer when the order ends.
ALTER TABLE "incoming_orders" ADD COLUMN "payment_token" VARCHAR(64);
ALTER TABLE "incoming_orders" ADD COLUMN "return_url" VARCHAR(2048);
CREATE UNIQUE INDEX "incoming_orders_payment_token_key" ON "incoming_orders" ("payment_token");

-- Receipt files: the bytes live in a storage driver (local files or an S3-compatible store),
-- the row keeps where. Rows written before keep their bytes in `data`.
ALTER TABLE "receipts" ALTER COLUMN "data" DROP NOT NULL;
ALTER TABLE "receipts" ADD COLUMN "storage_driver" VARCHAR(8);
ALTER TABLE "receipts" ADD COLUMN "storage_key" VARCHAR(255);
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_bytes_somewhere" CHECK ("data" IS NOT NULL OR ("storage_driver" IS NOT NULL AND "storage_key" IS NOT NULL));
-- The same file on two orders is flagged to support: found by its hash.
CREATE INDEX "receipts_sha256_idx" ON "receipts" ("sha256");

-- Sandbox: a sandbox store's orders go only to the platform's simulated sandbox traders, and a
-- live store's never do. Whether a store or a trader is a sandbox one is fixed at creation: a
-- sandbox store turned live would carry balances no customer paid.
ALTER TABLE "merchant_store" ADD COLUMN "is_sandbox" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "trader" ADD COLUMN "is_sandbox" BOOLEAN NOT NULL DEFAULT false;

CREATE FUNCTION keep_is_sandbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_sandbox IS DISTINCT FROM OLD.is_sandbox THEN
    RAISE EXCEPTION 'is_sandbox of % % cannot change', TG_TABLE_NAME, OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER merchant_store_keep_is_sandbox BEFORE UPDATE OF is_sandbox ON "merchant_store"
  FOR EACH ROW EXECUTE FUNCTION keep_is_sandbox();
CREATE TRIGGER trader_keep_is_sandbox BEFORE UPDATE OF is_sandbox ON "trader"
  FOR EACH ROW EXECUTE FUNCTION keep_is_sandbox();
