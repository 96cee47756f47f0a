"use client";

import type { ReactNode } from "react";
import type { QueueOrder } from "@/lib/cabinet/trader/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmPayinDialog } from "./confirm-payin-dialog";
import { Countdown } from "./countdown";
import { PayoutReceiptDialog } from "./payout-receipt-dialog";
import { requisiteTypeLabel } from "./requisite-type-label";

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
 * or where to send it (payout), the time left, and the one action that order needs now.
 */
export function QueueOrderCard({ order, now, isNew, onSettled }: { order: QueueOrder; now: number; isNew: boolean; onSettled: (done: boolean) => void }) {
  const t = useT();
  const canConfirm = order.type === "payin" && (order.status === "awaiting_payment" || order.status === "paid");
  const canUpload = order.type === "payout" && order.status === "assigned";
  return (
    <Card
      data-testid="queue-order"
      data-order-id={order.id}
      data-new={isNew ? "true" : undefined}
      className={cn("gap-3 transition-shadow", isNew && "ring-2 ring-brand shadow-md")}
    >
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="secondary">{t(`orders.type.${order.type}`)}</Badge>
          <OrderStatusBadge status={order.status} />
          {isNew ? <Badge variant="default">{t("trader.queue.new")}</Badge> : null}
        </div>
        {order.expiresAt ? <Countdown expiresAt={order.expiresAt} now={now} /> : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="text-2xl font-semibold" data-testid="queue-order-amount">
          <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} />
        </div>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {order.requisite ? (
            <Detail label={order.type === "payin" ? t("trader.queue.routedTo") : t("trader.queue.payFrom")}>
              {[order.requisite.bankName, order.requisite.maskedNumber].filter(Boolean).join(" · ")}
              {order.requisite.holder ? <span className="block text-xs text-muted-foreground">{order.requisite.holder}</span> : null}
            </Detail>
          ) : null}
          {order.destination ? (
            <Detail label={t("trader.queue.sendTo")}>
              <span className="font-mono">{order.destination.number}</span>
              <span className="block text-xs text-muted-foreground">
                {[requisiteTypeLabel(t, order.destination.type), order.destination.bank, order.destination.holder]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </Detail>
          ) : null}
          <Detail label={t("trader.queue.customer")}>
            <span className="font-mono text-xs">{order.customerId}</span>
          </Detail>
          <Detail label={t("trader.queue.orderId")}>
            <span className="font-mono text-xs">{order.id}</span>
          </Detail>
        </dl>
      </CardContent>
      <CardFooter className="flex-col items-stretch gap-2 sm:flex-row sm:items-center sm:justify-end">
        {canConfirm ? <ConfirmPayinDialog order={order} onSettled={onSettled} /> : null}
        {canUpload ? <PayoutReceiptDialog order={order} onSettled={onSettled} /> : null}
        {order.status === "disputed" ? <p className="text-sm text-muted-foreground">{t("trader.queue.disputedNote")}</p> : null}
        {order.type === "payout" && order.status === "paid" ? <p className="text-sm text-muted-foreground">{t("trader.queue.payoutCheckNote")}</p> : null}
      </CardFooter>
    </Card>
  );
}
