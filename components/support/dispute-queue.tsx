import Link from "next/link";
import { Clock, Paperclip } from "lucide-react";
import type { DisputeQueueRow } from "@/lib/disputes/list-disputes";
import { getTranslator } from "@/lib/web/locale";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { formatAge } from "./age";
import { DisputeStatusBadge } from "./dispute-status-badge";
import { labelOf } from "./labels";

/** Disputes as cards (readable at any width): what, for whom, why, and how long it has waited. */
export async function DisputeQueue({ disputes, now }: { disputes: DisputeQueueRow[]; now: Date }) {
  const { t } = await getTranslator();
  return (
    <ul className="grid gap-3" data-testid="dispute-queue">
      {disputes.map((dispute) => (
        <li key={dispute.id}>
          <Link
            href={`/support/disputes/${dispute.id}`}
            className="grid gap-2 rounded-xl border bg-card p-4 text-card-foreground shadow-xs outline-none transition-colors hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t("support.dispute.title", { id: dispute.id })}</span>
              <DisputeStatusBadge status={dispute.status} t={t} />
              <span className="ml-auto flex items-center gap-1 text-xs text-muted-foreground">
                <Clock className="size-3.5" aria-hidden="true" />
                {dispute.status === "open" || !dispute.resolvedAt ? (
                  t("support.disputes.waiting", { age: formatAge(dispute.createdAt, now, t) })
                ) : (
                  <>
                    {t("support.disputes.resolved")} <DateTime value={dispute.resolvedAt} />
                  </>
                )}
              </span>
            </div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className="font-mono text-xs">{dispute.order.id}</span>
              <Money amount={dispute.order.amount} exponent={dispute.order.exponent} code={dispute.order.currencyCode} />
              <OrderStatusBadge status={dispute.order.status} />
              <span className="text-muted-foreground">{dispute.order.storeName}</span>
            </div>
            <p className="line-clamp-2 whitespace-pre-wrap break-words text-sm text-muted-foreground">{dispute.reason}</p>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
              <span>{labelOf(t, "support.disputes.openedVia", dispute.openedVia)}</span>
              <span className="flex items-center gap-1">
                <Paperclip className="size-3.5" aria-hidden="true" />
                {t("support.disputes.evidence", { count: dispute.evidenceCount })}
              </span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
