-- Live trader queues (lib/realtime/order-listener.ts): every change of an order that a queue
-- shows is announced on the `order_events` channel, and each server process LISTENs on it and
-- tells the trader's open cabinet (Server-Sent Events) to fetch the queue again. A trigger,
-- not the application, so that every writer — the API, sweeps, support, scripts, raw SQL —
-- is covered, and NOTIFY is sent at commit only (a rolled-back change announces nothing).
--
-- The payload is small and fixed (well under the 8000-byte limit): the order's id, type,
-- status, store and the traders whose queue it is in now or was in before this change (the
-- previous trader_id / offered_trader_id when they changed, so the old queue drops it).
CREATE FUNCTION notify_order_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('order_events', json_build_object(
    'id', NEW.id,
    'type', NEW.type,
    'status', NEW.status,
    'store_id', NEW.store_id,
    'trader_id', NEW.trader_id,
    'offered_trader_id', NEW.offered_trader_id,
    'previous_trader_id', CASE WHEN TG_OP = 'UPDATE' AND OLD.trader_id IS DISTINCT FROM NEW.trader_id THEN OLD.trader_id END,
    'previous_offered_trader_id', CASE WHEN TG_OP = 'UPDATE' AND OLD.offered_trader_id IS DISTINCT FROM NEW.offered_trader_id THEN OLD.offered_trader_id END
  )::text);
  RETURN NULL;
END
$$;

-- A new order is news only to a trader it is already routed or offered to (a pay-in is
-- inserted in `created` and announced when it is matched).
CREATE TRIGGER incoming_orders_notify_insert
  AFTER INSERT ON incoming_orders
  FOR EACH ROW
  WHEN (NEW.trader_id IS NOT NULL OR NEW.offered_trader_id IS NOT NULL)
  EXECUTE FUNCTION notify_order_event();

-- Only the columns a queue shows or filters on: the retry bookkeeping (next_match_at,
-- last_attempt_at, retry_count) and the timestamps change often and announce nothing.
CREATE TRIGGER incoming_orders_notify_update
  AFTER UPDATE ON incoming_orders
  FOR EACH ROW
  WHEN (
    OLD.status IS DISTINCT FROM NEW.status
    OR OLD.trader_id IS DISTINCT FROM NEW.trader_id
    OR OLD.requisite_id IS DISTINCT FROM NEW.requisite_id
    OR OLD.offered_trader_id IS DISTINCT FROM NEW.offered_trader_id
    OR OLD.offered_requisite_id IS DISTINCT FROM NEW.offered_requisite_id
    OR OLD.offer_expires_at IS DISTINCT FROM NEW.offer_expires_at
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.amount IS DISTINCT FROM NEW.amount
    OR OLD.crypto_amount IS DISTINCT FROM NEW.crypto_amount
  )
  EXECUTE FUNCTION notify_order_event();
