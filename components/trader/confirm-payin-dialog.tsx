"use client";

import { CheckCircle2 } from "lucide-react";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { useActionDialog } from "@/components/ui/use-action";
import type { QueueActions } from "./trader-actions";

/**
 * "Payment received" with a confirm step that repeats the amount: completing a pay-in moves
 * the store's money, so one stray tap must not do it. `onSettled` runs after any answer (the
 * order may have expired meanwhile), so the queue and balances are re-read either way.
 */
export function ConfirmPayinDialog({ order, confirm: confirmPayin, onSettled }: { order: QueueOrder; confirm: QueueActions["confirmPayin"]; onSettled: (completed: boolean) => void }) {
  const t = useT();
  const { dialog, close, submit } = useActionDialog();
  const amount = <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} className="font-semibold" />;

  const confirm = () =>
    submit(() => confirmPayin(order.id), {
      success: t("trader.queue.confirmed", { id: order.id }),
      onSettled: (ok) => {
        close();
        onSettled(ok);
      },
    });

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" className="w-full sm:w-auto">
          <CheckCircle2 className="size-4" aria-hidden="true" />
          {t("trader.queue.paymentReceived")}
        </Button>
      }
      title={t("trader.queue.confirmTitle")}
      description={t("trader.queue.confirmDescription")}
      cancelLabel={t("common.cancel")}
      submitLabel={t("trader.queue.confirmAction")}
      onSubmit={confirm}
    >
      <div className="grid gap-1 rounded-lg border bg-muted/40 p-4 text-center">
        <span className="text-sm text-muted-foreground">{t("trader.queue.confirmAmount")}</span>
        <span className="text-2xl" data-testid="confirm-amount">
          {amount}
        </span>
        {order.requisite ? (
          <span className="text-sm text-muted-foreground">
            {[order.requisite.bankName, order.requisite.maskedNumber].filter(Boolean).join(" · ")}
          </span>
        ) : null}
      </div>
    </FormDialog>
  );
}
