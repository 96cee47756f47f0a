"use client";

import { Timer } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";

/** Under this much time left the countdown turns red: the trader should act now. */
const URGENT_MS = 2 * 60_000;

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

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
