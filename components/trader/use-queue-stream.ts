"use client";

import { useEffect, useRef, useState } from "react";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { QUEUE_STREAM_URL } from "./trader-queries";

/** A burst of events (a sweep ending many orders) becomes one read of the queue. */
const COALESCE_MS = 50;
/**
 * EventSource reconnects by itself after a dropped connection, but not after an answer other
 * than a 200 event stream (a 5xx during a deploy, a 401): then a new one is opened after this.
 */
const REOPEN_MS = 10_000;

/** Statuses an order in the queue has (an offered payout is still `created`). */
const IN_QUEUE = new Set<string>([...OPEN_STATUSES, "created"]);

/**
 * Listens to the queue's event stream and calls `onChange(leftQueue)` when the queue should be
 * read again: on every (re)connection (changes may have been missed meanwhile) and when an order
 * in it changed — `leftQueue` when some order reached a status outside the queue (completed,
 * cancelled…), so balances and history are read again too. Returns whether the stream is live
 * (connected and the server hears every change); while it is not, the caller polls.
 */
export function useQueueStream(onChange: (leftQueue: boolean) => void): boolean {
  const [live, setLive] = useState(false);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let changeTimer: ReturnType<typeof setTimeout> | undefined;
    let leftQueue = false;
    const changed = (left: boolean) => {
      leftQueue ||= left;
      changeTimer ??= setTimeout(() => {
        changeTimer = undefined;
        const left = leftQueue;
        leftQueue = false;
        latest.current(left);
      }, COALESCE_MS);
    };
    const open = () => {
      const current = new EventSource(QUEUE_STREAM_URL);
      source = current;
      current.addEventListener("ready", () => {
        setLive(true);
        changed(false);
      });
      current.addEventListener("order", (event) => {
        let status = "";
        try {
          status = String((JSON.parse((event as MessageEvent<string>).data) as { status?: unknown }).status ?? "");
        } catch {
          /* a malformed event still means: read the queue */
        }
        changed(!IN_QUEUE.has(status));
      });
      current.addEventListener("lost", () => setLive(false));
      current.onerror = () => {
        setLive(false);
        if (current.readyState === EventSource.CLOSED) {
          current.close();
          reopenTimer = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    return () => {
      source?.close();
      clearTimeout(reopenTimer);
      clearTimeout(changeTimer);
    };
  }, []);
  return live;
}
