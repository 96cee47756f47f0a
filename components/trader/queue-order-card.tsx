"use client";

import type { ReactNode } from "react";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { formatDateTime } from "@/lib/format/date";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmPayinDialog } from "./confirm-payin-dialog";
import { Countdown } from "./countdown";
import { PayoutOfferActions } from "./payout-offer-actions";
import { PayoutReceiptDialog } from "./payout-receipt-dialog";
import { ReleasePayoutDialog } from "./release-payout-dialog";
import { requisiteTypeLabel } from "./requisite-type-label";
import type { QueueActions } from "./trader-actions";

/** An offer lasts about a minute (order.payout_offer_seconds): red for its last 15 seconds. */
const OFFER_URGENT_MS = 15_000;

/** A payout offered to this trader, waiting for Accept or Decline. */
const isOffer = (order: QueueOrder) => order.offerExpiresAt !== null;

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

/**
 * One open order as the trader works it: the amount to look for, where it was routed (pay-in)
 * or where to send it (payout), the time left, and the one action that order needs now. A
 * payout offered to the trader shows the time left to answer, the destination's kind, bank and
 * last digits only, and Accept / Decline.
 */
export function QueueOrderCard({ order, now, isNew, actions, onSettled }: { order: QueueOrder; now: number; isNew: boolean; actions: QueueActions; onSettled: (done: boolean) => void }) {
  const offered = isOffer(order);
  // A paid payout waits for the merchant, not for the trader: its deadline is a note, not a countdown.
  const awaitingMerchant = order.type === "payout" && order.status === "paid";
  return (
    <Card
      data-testid="queue-order"
      data-order-id={order.id}
      data-offer={offered ? "true" : undefined}
      data-new={isNew ? "true" : undefined}
      className={cn("gap-3 transition-shadow", isNew && "ring-2 ring-brand shadow-md")}
    >
      <QueueOrderHeader order={order} now={now} isNew={isNew} awaitingMerchant={awaitingMerchant} />
      <CardContent className="grid gap-3">
        <div className="text-2xl font-semibold" data-testid="queue-order-amount">
          <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} />
        </div>
        <QueueOrderDetails order={order} />
      </CardContent>
      <QueueOrderFooter order={order} now={now} awaitingMerchant={awaitingMerchant} actions={actions} onSettled={onSettled} />
    </Card>
  );
}

/** The order's type and status (or "Offer"), "New", and the countdown to its deadline or to the offer's. */
function QueueOrderHeader({ order, now, isNew, awaitingMerchant }: { order: QueueOrder; now: number; isNew: boolean; awaitingMerchant: boolean }) {
  const t = useT();
  return (
    <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant="secondary">{t(`orders.type.${order.type}`)}</Badge>
        {isOffer(order) ? <Badge variant="warning">{t("trader.queue.offer")}</Badge> : <OrderStatusBadge status={order.status} />}
        {isNew ? <Badge variant="default">{t("trader.queue.new")}</Badge> : null}
      </div>
      {order.offerExpiresAt ? (
        <Countdown expiresAt={order.offerExpiresAt} now={now} title={t("trader.queue.offerDeadline")} urgentMs={OFFER_URGENT_MS} />
      ) : order.expiresAt && !awaitingMerchant ? (
        <Countdown expiresAt={order.expiresAt} now={now} />
      ) : null}
    </CardHeader>
  );
}

/** Where the pay-in was routed or where to send the payout, the customer and the order id. */
function QueueOrderDetails({ order }: { order: QueueOrder }) {
  const t = useT();
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {order.requisite ? (
        <Detail label={order.type === "payin" ? t("trader.queue.routedTo") : t("trader.queue.payFrom")}>
          {[order.requisite.bankName, order.requisite.maskedNumber].filter(Boolean).join(" · ")}
          {order.requisite.holder ? <span className="block text-xs text-muted-foreground">{order.requisite.holder}</span> : null}
        </Detail>
      ) : null}
      {order.destination ? (
        <Detail label={t("trader.queue.sendTo")}>
          <span className="font-mono" data-testid="queue-order-destination">
            {order.destination.number}
          </span>
          <span className="block text-xs text-muted-foreground">
            {[requisiteTypeLabel(t, order.destination.type), order.destination.bank, order.destination.holder].filter(Boolean).join(" · ")}
          </span>
          {isOffer(order) ? <span className="block text-xs text-muted-foreground">{t("trader.queue.offerDestinationHint")}</span> : null}
        </Detail>
      ) : null}
      <Detail label={t("trader.queue.customer")}>
        <span className="font-mono text-xs">{order.customerId}</span>
      </Detail>
      <Detail label={t("trader.queue.orderId")}>
        <span className="font-mono text-xs">{order.id}</span>
      </Detail>
    </dl>
  );
}

/** The one thing the order needs now: answer the offer, confirm the pay-in, release or pay the payout — or a note on whom it waits for. */
function QueueOrderFooter({
  order,
  now,
  awaitingMerchant,
  actions,
  onSettled,
}: {
  order: QueueOrder;
  now: number;
  awaitingMerchant: boolean;
  actions: QueueActions;
  onSettled: (done: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const offered = isOffer(order);
  const canConfirm = order.type === "payin" && (order.status === "awaiting_payment" || order.status === "paid");
  const canUpload = order.type === "payout" && order.status === "assigned";
  return (
    <CardFooter className="flex-col items-stretch gap-2 sm:flex-row sm:items-center sm:justify-end">
      {offered ? <p className="text-sm text-muted-foreground sm:mr-auto">{t("trader.queue.offerHint")}</p> : null}
      {offered && order.offerExpiresAt ? <PayoutOfferActions order={order} lapsed={Date.parse(order.offerExpiresAt) <= now} actions={actions} onSettled={onSettled} /> : null}
      {canConfirm ? <ConfirmPayinDialog order={order} confirm={actions.confirmPayin} onSettled={onSettled} /> : null}
      {canUpload ? <ReleasePayoutDialog order={order} release={actions.releasePayout} onSettled={onSettled} /> : null}
      {canUpload ? <PayoutReceiptDialog order={order} upload={actions.payoutReceipt} onSettled={onSettled} /> : null}
      {order.status === "disputed" ? <p className="text-sm text-muted-foreground">{t("trader.queue.disputedNote")}</p> : null}
      {awaitingMerchant ? (
        <p className="text-sm text-muted-foreground" data-testid="queue-order-awaiting-confirmation">
          {t("trader.queue.payoutAwaitingConfirmation", { time: order.expiresAt ? formatDateTime(new Date(order.expiresAt), locale) : "—" })}
        </p>
      ) : null}
    </CardFooter>
  );
}
