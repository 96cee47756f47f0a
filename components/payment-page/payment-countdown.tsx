"use client";

import { useEffect, useState } from "react";
import { Timer } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { formatRemaining } from "@/lib/format/date";

/** Under this much time left the countdown turns red. */
const URGENT_MS = 2 * 60_000;

/**
 * The time left to pay, ticking every second on the server's clock (`skewMs` corrects this
 * device's). A timer, not a live region: announcing every second would drown the status.
 */
export function PaymentCountdown({ expiresAt, skewMs }: { expiresAt: string; skewMs: number }) {
  const t = useT();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() + skewMs);
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, [skewMs]);

  // Before hydration there is no clock to trust: the server-rendered HTML shows no number.
  const remaining = now === null ? null : Date.parse(expiresAt) - now;
  const urgent = remaining !== null && remaining <= URGENT_MS;
  return (
    <div className="flex items-center justify-between gap-3 rounded-lg border px-4 py-3">
      <span className="text-sm text-muted-foreground">{t("pay.timeLeft")}</span>
      <span
        role="timer"
        aria-live="off"
        data-testid="payment-countdown"
        className={cn("inline-flex items-center gap-1.5 text-lg font-semibold tabular-nums", urgent ? "text-destructive" : "text-foreground")}
      >
        <Timer className="size-5" aria-hidden="true" />
        {remaining === null ? "…" : remaining > 0 ? formatRemaining(remaining) : t("pay.overdue")}
      </span>
    </div>
  );
}
