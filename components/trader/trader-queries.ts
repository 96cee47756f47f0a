import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import type { TraderBalances } from "@/lib/ledger/get-trader-balances";
import type { HistoryPage } from "@/lib/orders/list-trader-history";

export interface QueueResponse {
  /** The server's clock when it answered (ISO); countdowns run on it. */
  serverTime: string;
  orders: QueueOrder[];
}

/** react-query keys of the trader cabinet; a confirmation invalidates all of them. */
export const TRADER_QUERY_KEYS = {
  all: ["trader"] as const,
  queue: ["trader", "queue"] as const,
  balances: ["trader", "balances"] as const,
  history: ["trader", "history"] as const,
};

/**
 * How often the queue is polled while its event stream is down (not yet open, reconnecting, or
 * the server lost its database listener): a new order shows up within this plus one round trip.
 * While the stream is up nothing is polled: the server says when to read the queue again.
 */
export const QUEUE_POLL_MS = 2000;

/** The queue's Server-Sent Events (app/api/cabinet/trader/queue/stream/route.ts). */
export const QUEUE_STREAM_URL = "/api/cabinet/trader/queue/stream";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  // Signed out meanwhile (session expired, account switched off): on to the sign-in page.
  if (response.status === 401) window.location.assign("/login");
  if (!response.ok || !response.headers.get("content-type")?.includes("application/json")) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return (await response.json()) as T;
}

export const fetchQueue = () => getJson<QueueResponse>("/api/cabinet/trader/queue");
export const fetchBalances = () => getJson<TraderBalances>("/api/cabinet/trader/balances");
export const fetchHistoryPage = (cursor: string | null) =>
  getJson<HistoryPage>(`/api/cabinet/trader/history${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
