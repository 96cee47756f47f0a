"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PaymentPageView } from "@/lib/payment-page/get-payment-page";

/** How often the page asks for the order's state while it may still change. */
const POLL_MS = 2_000;
/** Statuses after which nothing the customer does or waits for changes the outcome. */
export const ENDED_STATUSES: readonly PaymentPageView["status"][] = ["completed", "expired", "cancelled", "failed"];

/**
 * The payment page's state, kept current by polling GET /api/pay/{token} every two seconds
 * until the order has ended. `apply` takes the state an action answered with, so the page
 * moves on at once instead of at the next poll. `offline` is set while polls fail.
 */
export function usePaymentView(token: string, initial: PaymentPageView) {
  const [view, setView] = useState(initial);
  const [offline, setOffline] = useState(false);
  // The server's clock minus this device's, measured at each answer: the countdown runs on it.
  const [skewMs, setSkewMs] = useState(0);
  const ended = ENDED_STATUSES.includes(view.status);
  const latest = useRef(0);

  const apply = useCallback((next: PaymentPageView) => {
    setView(next);
    setSkewMs(Date.parse(next.now) - Date.now());
  }, []);

  useEffect(() => {
    setSkewMs(Date.parse(initial.now) - Date.now());
  }, [initial.now]);

  useEffect(() => {
    if (ended) return;
    let cancelled = false;
    const poll = async () => {
      const asked = ++latest.current;
      try {
        const response = await fetch(`/api/pay/${encodeURIComponent(token)}`, { cache: "no-store", headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = (await response.json()) as PaymentPageView;
        // An older poll answering after a newer one (or an action) must not roll the page back.
        if (!cancelled && asked === latest.current) {
          apply(next);
          setOffline(false);
        }
      } catch {
        if (!cancelled) setOffline(true);
      }
    };
    const timer = setInterval(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [token, ended, apply]);

  const applyNow = useCallback(
    (next: PaymentPageView) => {
      latest.current++;
      apply(next);
    },
    [apply],
  );
  return { view, apply: applyNow, offline, skewMs, ended };
}
