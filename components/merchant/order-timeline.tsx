import type { MerchantOrder, TimelineActor } from "@/lib/orders/get-merchant-order";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { DateTime } from "@/components/cabinet/date-time";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";

/** "Your API", "Trader", "Support", … — and for a person, "You (email)" or only their role. */
function actorLabel(actor: TimelineActor, t: Translate): string {
  if (actor.type === "user") {
    if (actor.ownEmail) return t("merchant.order.actorYou", { email: actor.ownEmail });
    if (actor.role) return t(`roles.${actor.role}` as MessageKey);
  }
  const key = `merchant.order.actors.${actor.type}` as MessageKey;
  const label = t(key);
  return label === key ? actor.type : label;
}

/** The order's status changes, oldest first: the new status, from what, who, when and the note. */
export function OrderTimeline({ history, t }: { history: MerchantOrder["history"]; t: Translate }) {
  if (history.length === 0) return <p className="text-sm text-muted-foreground">{t("merchant.order.noHistory")}</p>;
  return (
    <ol className="grid gap-0" aria-label={t("merchant.order.timeline")}>
      {history.map((step, index) => (
        <li key={step.id.toString()} className="relative grid grid-cols-[1rem_1fr] gap-3 pb-5 last:pb-0" data-status={step.status}>
          <span className="relative flex justify-center" aria-hidden="true">
            <span className="mt-1.5 size-2.5 rounded-full bg-brand ring-4 ring-background" />
            {index < history.length - 1 ? <span className="absolute top-4 bottom-[-0.25rem] w-px bg-border" /> : null}
          </span>
          <div className="grid gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <OrderStatusBadge status={step.status} />
              {step.fromStatus ? (
                <span className="text-xs text-muted-foreground">{t("merchant.order.fromStatus", { status: t(`orders.status.${step.fromStatus}`) })}</span>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
              <DateTime value={step.processedAt} />
              <span>{actorLabel(step.actor, t)}</span>
            </div>
            {step.note ? <p className="whitespace-pre-wrap text-sm">{step.note}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
