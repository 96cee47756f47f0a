import type { OrderTimelineEntry } from "@/lib/orders/get-support-order";
import { getTranslator } from "@/lib/web/locale";
import { DateTime } from "@/components/cabinet/date-time";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { labelOf } from "./labels";

/** The order's status changes, oldest first: from → to, who did it, when and their note. */
export async function OrderTimeline({ entries }: { entries: OrderTimelineEntry[] }) {
  const { t } = await getTranslator();
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("support.order.timelineEmpty")}</p>;
  return (
    <ol className="grid gap-4 border-l pl-5">
      {entries.map((entry) => (
        <li key={entry.id.toString()} className="relative grid gap-1">
          <span aria-hidden="true" className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full border-2 border-background bg-muted-foreground" />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {entry.fromStatus ? (
              <>
                <OrderStatusBadge status={entry.fromStatus} />
                <span aria-hidden="true" className="text-muted-foreground">
                  →
                </span>
              </>
            ) : null}
            <OrderStatusBadge status={entry.status} />
            <span className="text-xs text-muted-foreground">
              <DateTime value={entry.processedAt} /> · {t("support.order.by", { actor: entry.actor?.email ?? labelOf(t, "support.actors", entry.actorType) })}
            </span>
          </div>
          {entry.note ? <p className="whitespace-pre-wrap break-words text-sm">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
