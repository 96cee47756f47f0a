import type { CallbackEndpointHealth } from "@/lib/callbacks/callback-breaker-states";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/format/date";
import { cn } from "@/components/ui/cn";

const TONE: Record<CallbackEndpointHealth["state"], string> = {
  healthy: "bg-success",
  failing: "bg-warning",
  paused: "bg-destructive",
};

/**
 * A store's callback endpoint as its circuit breaker sees it (lib/callbacks/record-endpoint-outcome.ts):
 * healthy, failing since when, or paused with the next probe's time. Shown to the merchant on
 * the store's page and to admins in the store list.
 */
export function EndpointHealth({ health, t, locale, className }: { health: CallbackEndpointHealth; t: Translate; locale: Locale; className?: string }) {
  const when = (date: Date | null) => (date ? formatDateTime(date, locale) : t("common.none"));
  const text =
    health.state === "healthy"
      ? t("callbackEndpoint.healthy")
      : health.state === "failing"
        ? t("callbackEndpoint.failing", { since: when(health.failingSince), count: health.consecutiveFailures })
        : t("callbackEndpoint.paused", { since: when(health.failingSince), probe: when(health.nextProbeAt) });
  return (
    <div className={cn("grid gap-1 text-sm", className)} data-endpoint-health={health.state} role="status">
      <p className="flex items-start gap-2">
        <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", TONE[health.state])} />
        <span>{text}</span>
      </p>
      {health.state !== "healthy" && health.lastError && (
        <p className="break-words pl-4 text-xs text-muted-foreground">{t("callbackEndpoint.lastError", { error: health.lastError })}</p>
      )}
    </div>
  );
}
