-- Requisite selection (lib/matching/select-requisite.ts) takes requisites best first: the
-- trader's traffic priority, then the least recently used. With the priority copied onto the
-- requisite, one index holds that order, so a match reads the first few requisites in index
-- order instead of joining and sorting every requisite on the platform (2.5 → 0.45 ms per
-- selection among 1,000 requisites, EXPLAIN ANALYZE on the `npm run bench` data).
ALTER TABLE "req_trader" ADD COLUMN "traffic_priority" INTEGER NOT NULL DEFAULT 0;
UPDATE "req_trader" r SET "traffic_priority" = t."traffic_priority" FROM "trader" t WHERE t."id" = r."trader_id";
CREATE INDEX "req_trader_match_order_idx" ON "req_trader" ("traffic_priority" DESC, "last_used_at" ASC NULLS FIRST, "id") WHERE "status" = 'active';

-- The copy is the trader's value, always: set on every insert and on a change of owner (or of
-- the copy itself) from the trader row, and spread to the trader's requisites when it changes.
CREATE FUNCTION req_trader_copy_traffic_priority() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT t.traffic_priority INTO NEW.traffic_priority FROM trader t WHERE t.id = NEW.trader_id;
  RETURN NEW;
END
$$;

CREATE TRIGGER req_trader_traffic_priority
  BEFORE INSERT OR UPDATE OF trader_id, traffic_priority ON "req_trader"
  FOR EACH ROW
  EXECUTE FUNCTION req_trader_copy_traffic_priority();

CREATE FUNCTION trader_spread_traffic_priority() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE req_trader SET traffic_priority = NEW.traffic_priority WHERE trader_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER trader_traffic_priority
  AFTER UPDATE OF traffic_priority ON "trader"
  FOR EACH ROW
  WHEN (OLD.traffic_priority IS DISTINCT FROM NEW.traffic_priority)
  EXECUTE FUNCTION trader_spread_traffic_priority();
