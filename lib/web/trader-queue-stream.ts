import "server-only";
import { log } from "@/lib/observability/logger";
import { outsideRequestContext } from "@/lib/observability/request-context";
import { orderListener, type OrderListener, type OrderSignal } from "@/lib/realtime/order-listener";
import { markTraderSeen } from "@/lib/traders/mark-trader-seen";
import { markTradersSeen } from "@/lib/traders/mark-traders-seen";

/** A comment line this often keeps proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 15_000;
/**
 * Traders with an open stream are marked seen (online, so payouts are offered to them) this
 * often — polling did it on every poll. One statement for all of the process's open streams
 * (mark-traders-seen writes only rows older than a minute), not one per stream.
 */
export const SEEN_EVERY_MS = 30_000;
/**
 * Each stream ends after about this long (±20 %, so streams opened together do not all end
 * together) and the browser reconnects (EventSource does so by itself): the session is checked
 * again then, so a signed-out or deactivated trader stops hearing events within this time
 * (their queue reads already answer 401 at once).
 */
export const STREAM_LIFETIME_MS = 10 * 60_000;
/**
 * How long the browser waits before reconnecting after the stream ended: 2–5 s, at random, so
 * that a restarted server is not met by every trader in the same second.
 */
const reconnectMs = () => 2_000 + Math.floor(Math.random() * 3_000);
const lifetimeMs = () => Math.round(STREAM_LIFETIME_MS * (0.8 + Math.random() * 0.4));
/** A client that reads nothing (a frozen tab behind a slow link) is cut off after this many unread events. */
const MAX_UNREAD = 1_000;

const encoder = new TextEncoder();

// The traders with an open stream in this process (a trader may have several tabs open), and the
// one timer that marks them all seen; on globalThis so that every route bundle shares them.
interface Presence {
  /** Open streams per trader. */
  streams: Map<number, number>;
  timer?: NodeJS.Timeout;
}
const presence: Presence = ((globalThis as { jivapayQueuePresence?: Presence }).jivapayQueuePresence ??= { streams: new Map() });

const markPresent = () =>
  void markTradersSeen(tradersWithOpenStream()).catch((error: unknown) => log.warn({ err: error }, "traders with an open queue not marked seen"));

/** The traders with an open queue stream in this process. */
export function tradersWithOpenStream(): number[] {
  return [...presence.streams.keys()];
}

/** Counts the trader's stream as open until the returned function is called. */
function holdPresence(traderId: number): () => void {
  presence.streams.set(traderId, (presence.streams.get(traderId) ?? 0) + 1);
  // The timer is the process's, not this request's (its log lines).
  presence.timer ??= outsideRequestContext(() => setInterval(markPresent, SEEN_EVERY_MS).unref());
  return () => {
    const left = (presence.streams.get(traderId) ?? 1) - 1;
    if (left > 0) presence.streams.set(traderId, left);
    else presence.streams.delete(traderId);
    if (presence.streams.size === 0) {
      clearInterval(presence.timer);
      presence.timer = undefined;
    }
  };
}

/** One SSE message: the event's name and its JSON data. */
const message = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

function toMessage(signal: OrderSignal): Uint8Array {
  // Only the id and status: the browser reads its queue again (one GET through the same
  // authorised, masked read as ever), rather than the stream carrying order details.
  if (signal.kind === "order") return message("order", { id: signal.order.id, status: signal.order.status });
  return message(signal.kind, {});
}

/** No buffering or compression anywhere on the way: each event must leave at once. */
export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/**
 * The trader's queue as Server-Sent Events: `ready` when the server listens for changes (read
 * the queue now: something may have changed before), `order` {id, status} when an order in the
 * trader's queue (theirs, or a payout offered to them) changes, `lost` when the server stopped
 * hearing changes (poll until the next `ready`), and a heartbeat comment every HEARTBEAT_MS.
 * Ends when the browser goes away (`signal`) or after about STREAM_LIFETIME_MS.
 */
export function traderQueueStream(traderId: number, signal: AbortSignal, listener: OrderListener = orderListener()): Response {
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const timers: NodeJS.Timeout[] = [];
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -MAX_UNREAD) return cleanup();
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      const unsubscribe = listener.subscribe(traderId, (orderSignal) => send(toMessage(orderSignal)));
      const releasePresence = holdPresence(traderId);
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        releasePresence();
        timers.forEach((timer) => clearInterval(timer));
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          /* already closed or cancelled */
        }
      };
      signal.addEventListener("abort", cleanup);
      if (signal.aborted) return cleanup();
      send(encoder.encode(`retry: ${reconnectMs()}\n: connected\n\n`));
      void markTraderSeen(traderId).catch((error: unknown) => log.warn({ err: error, traderId }, "trader not marked seen"));
      timers.push(setInterval(() => send(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS));
      timers.push(setTimeout(cleanup, lifetimeMs()));
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { headers: EVENT_STREAM_HEADERS });
}
