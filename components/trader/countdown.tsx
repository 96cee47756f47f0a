"use client";

import { Timer } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { formatRemaining } from "@/lib/format/date";

/** Under this much time left the countdown turns red: the trader should act now. */
const URGENT_MS = 2 * 60_000;

/**
 * Time left until `expiresAt`, on the server's clock (`now` is the current server time in ms).
 * `title` says what runs out (the order by default); `urgentMs` when it turns red.
 */
export function Countdown({ expiresAt, now, title, urgentMs = URGENT_MS }: { expiresAt: string; now: number; title?: string; urgentMs?: number }) {
  const t = useT();
  const remaining = Date.parse(expiresAt) - now;
  const urgent = remaining <= urgentMs;
  return (
    <span
      className={cn("inline-flex items-center gap-1 text-sm font-medium tabular", urgent ? "text-destructive" : "text-muted-foreground")}
      data-urgent={urgent ? "true" : undefined}
      title={title ?? t("trader.queue.deadline")}
    >
      <Timer className="size-4" aria-hidden="true" />
      <span className="sr-only">{t("trader.queue.timeLeft")}</span>
      {remaining > 0 ? formatRemaining(remaining) : t("trader.queue.overdue")}
    </span>
  );
}
