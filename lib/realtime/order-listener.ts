import "server-only";
import pg from "pg";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/observability/logger";
import { outsideRequestContext } from "@/lib/observability/request-context";

/** The channel the incoming_orders triggers notify on (prisma/migrations/…_order_notify). */
export const ORDER_EVENTS_CHANNEL = "order_events";

/** One change of an order that a trader's queue shows, as the trigger announced it. */
export interface OrderEvent {
  id: string;
  type: OrderType;
  status: OrderStatus;
  storeId: number;
  traderId: number | null;
  offeredTraderId: number | null;
  /** The trader (or offered trader) the order left with this change: their queue must drop it. */
  previousTraderId: number | null;
  previousOfferedTraderId: number | null;
}

/**
 * What a subscriber hears: a change of an order in its audience; `ready` when the listening
 * connection is up (on subscribing to a live listener, and again after it was restored — events
 * may have been missed meanwhile, so the subscriber should read afresh); `lost` when it dropped
 * (no events until the next `ready`).
 */
export type OrderSignal = { kind: "order"; order: OrderEvent } | { kind: "ready" } | { kind: "lost" };

/** A trader's id (their open orders and the payouts offered to them), or every order. */
export type Audience = number | "all";

export interface OrderListener {
  /** Starts listening on the first subscriber; returns the unsubscribe function. */
  subscribe(audience: Audience, onSignal: (signal: OrderSignal) => void): () => void;
  /** Whether LISTEN is active right now. */
  readonly live: boolean;
  readonly subscriberCount: number;
  /** Stops listening and forgets every subscriber. */
  close(): Promise<void>;
}

export interface OrderListenerOptions {
  connectionString: string;
  /** How long the connection stays open after the last subscriber left (a page reload re-subscribes at once). */
  idleCloseMs?: number;
  /** Reconnection delays: doubling from `min` up to `max`, with jitter. */
  backoffMs?: { min: number; max: number };
  /** How often the connection is checked with a query: a silently dead TCP connection sends no error. */
  pingMs?: number;
  pingTimeoutMs?: number;
}

const int = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : null);

/** The trigger's JSON payload as an OrderEvent; null for anything else on the channel. */
export function parseOrderEvent(payload: string): OrderEvent | null {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!raw || typeof raw.id !== "string" || typeof raw.status !== "string" || typeof raw.type !== "string") return null;
  return {
    id: raw.id,
    type: raw.type as OrderType,
    status: raw.status as OrderStatus,
    storeId: int(raw.store_id) ?? 0,
    traderId: int(raw.trader_id),
    offeredTraderId: int(raw.offered_trader_id),
    previousTraderId: int(raw.previous_trader_id),
    previousOfferedTraderId: int(raw.previous_offered_trader_id),
  };
}

/** The traders whose queue an event concerns. */
function audienceOf(event: OrderEvent): Set<number> {
  const ids = [event.traderId, event.offeredTraderId, event.previousTraderId, event.previousOfferedTraderId];
  return new Set(ids.filter((id): id is number => id !== null));
}

/**
 * One dedicated PostgreSQL connection (not from the Prisma pool: a LISTEN holds its connection
 * for good) that LISTENs on order_events and fans each notification out to the subscribers of
 * the traders it concerns — a lookup by trader id, whatever the number of open cabinets. It
 * connects on the first subscriber, reconnects with backoff after an error, and closes once no
 * one has listened for `idleCloseMs`.
 */
export function createOrderListener(options: OrderListenerOptions): OrderListener {
  const { connectionString, idleCloseMs = 30_000, backoffMs = { min: 250, max: 10_000 }, pingMs = 30_000, pingTimeoutMs = 10_000 } = options;
  const subscribers = new Map<Audience, Set<(signal: OrderSignal) => void>>();
  let count = 0;
  let client: pg.Client | null = null;
  let live = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;

  const deliver = (audience: Audience, signal: OrderSignal) => {
    for (const onSignal of subscribers.get(audience) ?? []) {
      try {
        onSignal(signal);
      } catch (error) {
        log.error({ err: error }, "order listener subscriber failed");
      }
    }
  };
  const deliverToEveryone = (signal: OrderSignal) => {
    for (const audience of subscribers.keys()) deliver(audience, signal);
  };

  const onNotification = (message: pg.Notification) => {
    const order = message.channel === ORDER_EVENTS_CHANNEL && message.payload ? parseOrderEvent(message.payload) : null;
    if (!order) return;
    for (const traderId of audienceOf(order)) deliver(traderId, { kind: "order", order });
    deliver("all", { kind: "order", order });
  };

  const stopTimers = () => {
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    retryTimer = pingTimer = undefined;
  };

  /** Drops `dropped` (if it is still the current connection) and, while anyone listens, reconnects after a backoff. */
  const lose = (dropped: pg.Client, error: unknown) => {
    if (client !== dropped) return; // an old connection's late error or end
    client = null;
    clearInterval(pingTimer);
    void dropped.end().catch(() => undefined);
    // end() waits for the server's goodbye; a silent peer never sends it, so the socket goes now.
    (dropped as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    if (live) {
      live = false;
      log.warn({ err: error }, "order listener lost its database connection");
      deliverToEveryone({ kind: "lost" });
    }
    if (count === 0) return;
    const delay = Math.min(backoffMs.max, backoffMs.min * 2 ** failures) * (0.5 + Math.random() / 2);
    failures += 1;
    retryTimer = setTimeout(connect, delay);
  };

  let pinging = false;
  const ping = (current: pg.Client) => {
    if (pinging) return;
    pinging = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("ping timed out")), pingTimeoutMs)));
    Promise.race([current.query("SELECT 1"), timeout])
      .catch((error: unknown) => lose(current, error))
      .finally(() => {
        clearTimeout(timer);
        pinging = false;
      });
  };

  function connect() {
    retryTimer = undefined;
    const current = new pg.Client({ connectionString, application_name: "jivapay-order-listener", keepAlive: true });
    client = current;
    current.on("notification", onNotification);
    current.on("error", (error) => lose(current, error));
    current.on("end", () => lose(current, new Error("connection ended")));
    current
      .connect()
      .then(() => current.query(`LISTEN ${ORDER_EVENTS_CHANNEL}`))
      .then(() => {
        if (client !== current) return;
        if (failures > 0) log.info({ failures }, "order listener reconnected");
        live = true;
        failures = 0;
        pingTimer = setInterval(() => ping(current), pingMs);
        pingTimer.unref();
        deliverToEveryone({ kind: "ready" });
      })
      .catch((error: unknown) => lose(current, error));
  }

  const shutdown = async () => {
    stopTimers();
    const current = client;
    client = null;
    live = false;
    failures = 0;
    await current?.end().catch(() => undefined);
  };

  return {
    subscribe(audience, onSignal) {
      let set = subscribers.get(audience);
      if (!set) subscribers.set(audience, (set = new Set()));
      const own = (signal: OrderSignal) => onSignal(signal);
      set.add(own);
      count += 1;
      clearTimeout(idleTimer);
      idleTimer = undefined;
      // The connection is the process's, not the first subscriber's request's (its log lines, timers).
      if (client === null && retryTimer === undefined) outsideRequestContext(connect);
      else if (live) queueMicrotask(() => set.has(own) && own({ kind: "ready" }));
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(own);
        if (set.size === 0 && subscribers.get(audience) === set) subscribers.delete(audience);
        count -= 1;
        if (count === 0) {
          idleTimer = setTimeout(() => void (count === 0 && shutdown()), idleCloseMs);
          idleTimer.unref();
        }
      };
    },
    get live() {
      return live;
    },
    get subscriberCount() {
      return count;
    },
    async close() {
      clearTimeout(idleTimer);
      subscribers.clear();
      count = 0;
      await shutdown();
    },
  };
}

// One listener per server process; on globalThis so dev-mode reloads do not open another.
const globalForListener = globalThis as unknown as { jivapayOrderListener?: OrderListener };

/** The process's listener on DATABASE_URL (the connection itself opens on the first subscriber). */
export function orderListener(): OrderListener {
  if (!globalForListener.jivapayOrderListener) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database).");
    globalForListener.jivapayOrderListener = createOrderListener({ connectionString });
  }
  return globalForListener.jivapayOrderListener;
}
