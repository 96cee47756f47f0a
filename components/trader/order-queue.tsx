"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff, Radio } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { QueueOrderCard } from "./queue-order-card";
import type { QueueActions } from "./trader-actions";
import { fetchQueue, QUEUE_POLL_MS, TRADER_QUERY_KEYS, type QueueResponse } from "./trader-queries";
import { useQueueStream } from "./use-queue-stream";
import { useSoundAlert } from "./use-sound-alert";

/** How long a new order stays highlighted. */
const HIGHLIGHT_MS = 20_000;

/** Keeps ids that appeared after the first render, for HIGHLIGHT_MS each, and beeps for them. */
function useNewOrderAlert(ids: string[], beep: () => void) {
  // The orders on screen when the page opened are not news (lazily set on the first render).
  const known = useRef<Set<string>>(null);
  known.current ??= new Set(ids);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    const seen = known.current!;
    const added = ids.filter((id) => !seen.has(id));
    for (const id of ids) seen.add(id);
    if (added.length === 0) return;
    beep();
    setFresh((previous) => new Set([...previous, ...added]));
    timers.current.push(
      setTimeout(() => {
        setFresh((previous) => new Set([...previous].filter((id) => !added.includes(id))));
      }, HIGHLIGHT_MS),
    );
  }, [ids, beep]);

  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return fresh;
}

const TITLE_COUNT = /^\(\d+\) /;

/**
 * The tab shows how many orders are open, so the trader notices them from another tab. On the
 * way out only the count is taken off: the next page may already have set its own title.
 */
function useTitleCount(count: number, base: string) {
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${base}` : base;
    return () => void (document.title = document.title.replace(TITLE_COUNT, ""));
  }, [count, base]);
}

/**
 * Now on the server's clock, ticking every second. The first render uses the server's time of
 * the initial answer on both server and browser (no hydration mismatch); then each tick applies
 * the offset between the latest answer's server time and when this device received it.
 */
function useServerNow(initialServerTime: string, serverTime: string, receivedAt: number) {
  const offset = useRef(0);
  const [now, setNow] = useState(() => Date.parse(initialServerTime));
  useEffect(() => {
    offset.current = Date.parse(serverTime) - receivedAt;
  }, [serverTime, receivedAt]);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offset.current);
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The trader's live queue, soonest deadline first: read again whenever its event stream says
 * something changed (also in a background tab, so the sound and the tab title still tell about
 * a new order); polled every QUEUE_POLL_MS only while the stream is down. Countdowns run on
 * the server's clock: each answer carries the server time, and the offset to this device's
 * clock is applied to every tick.
 */
export function OrderQueue({ initial, actions }: { initial: QueueResponse; actions: QueueActions }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { muted, setMuted, beep } = useSoundAlert();
  const onStreamChange = useCallback(
    (leftQueue: boolean) => void queryClient.invalidateQueries({ queryKey: leftQueue ? TRADER_QUERY_KEYS.all : TRADER_QUERY_KEYS.queue }),
    [queryClient],
  );
  const live = useQueueStream(onStreamChange);
  const pollMs = live ? 0 : QUEUE_POLL_MS;
  const query = useQuery({
    queryKey: TRADER_QUERY_KEYS.queue,
    queryFn: fetchQueue,
    initialData: initial,
    refetchInterval: pollMs || false,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const orders = query.data.orders;
  // A new array only when the ids change, so the alert effect runs on a change, not on every poll.
  const idsKey = orders.map((order) => order.id).join(" ");
  const ids = useMemo(() => (idsKey ? idsKey.split(" ") : []), [idsKey]);
  const fresh = useNewOrderAlert(ids, beep);
  useTitleCount(orders.length, `${t("trader.queue.title")} · ${t("common.appName")}`);
  const now = useServerNow(initial.serverTime, query.data.serverTime, query.dataUpdatedAt);

  const settled = useCallback(
    (orderId: string, done: boolean) => {
      if (done) {
        queryClient.setQueryData<QueueResponse>(TRADER_QUERY_KEYS.queue, (old) => old && { ...old, orders: old.orders.filter((o) => o.id !== orderId) });
      }
      void queryClient.invalidateQueries({ queryKey: TRADER_QUERY_KEYS.all });
    },
    [queryClient],
  );

  const latestNew = orders.filter((o) => fresh.has(o.id)).length;
  return (
    <section aria-labelledby="queue-heading" className="grid gap-3" data-testid="order-queue" data-live={live} data-poll-ms={pollMs}>
      <QueueHeading count={orders.length} live={live} muted={muted} setMuted={setMuted} />
      <p className="sr-only" aria-live="polite">
        {latestNew > 0 ? t("trader.queue.newAnnouncement", { count: latestNew }) : ""}
      </p>
      {query.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{t("trader.queue.offline")}</AlertDescription>
        </Alert>
      ) : null}
      {orders.length === 0 ? (
        <EmptyState title={t("trader.queue.empty")}>{t("trader.queue.emptyHint")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
          {orders.map((order) => (
            <li key={order.id} className="min-w-0">
              <QueueOrderCard order={order} now={now} isNew={fresh.has(order.id)} actions={actions} onSettled={(done) => settled(order.id, done)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "N open orders", the live mark (green while the event stream is up, grey while polling), and the sound switch. */
function QueueHeading({ count, live, muted, setMuted }: { count: number; live: boolean; muted: boolean; setMuted: (muted: boolean) => void }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h2 id="queue-heading" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        {t("trader.queue.openOrders", { count })}
        <span className="inline-flex items-center gap-1 text-xs font-normal text-muted-foreground">
          <Radio className={live ? "size-3.5 text-success" : "size-3.5"} aria-hidden="true" />
          {t("trader.queue.live")}
        </span>
      </h2>
      <Button type="button" variant="outline" size="sm" onClick={() => setMuted(!muted)} aria-pressed={muted} data-testid="sound-toggle">
        {muted ? <BellOff className="size-4" aria-hidden="true" /> : <Bell className="size-4" aria-hidden="true" />}
        {muted ? t("trader.queue.soundOff") : t("trader.queue.soundOn")}
      </Button>
    </div>
  );
}
