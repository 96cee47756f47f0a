"use client";

import { useState, useTransition } from "react";
import { CheckCircle2, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { confirmPayinAction } from "@/app/(cabinet)/trader/order-actions";
import type { QueueOrder } from "@/lib/cabinet/trader/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { explainError } from "./explain-error";

/**
 * "Payment received" with a confirm step that repeats the amount: completing a pay-in moves
 * the store's money, so one stray tap must not do it. `onSettled` runs after any answer (the
 * order may have expired meanwhile), so the queue and balances are re-read either way.
 */
export function ConfirmPayinDialog({ order, onSettled }: { order: QueueOrder; onSettled: (completed: boolean) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const amount = <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} className="font-semibold" />;

  const confirm = () =>
    startTransition(async () => {
      const result = await confirmPayinAction(order.id).catch(() => ({ ok: false as const, code: "network" }));
      if (result.ok) toast.success(t("trader.queue.confirmed", { id: order.id }));
      else toast.error(result.code === "network" ? t("errors.network") : explainError(t, result.code));
      setOpen(false);
      onSettled(result.ok);
    });

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button type="button" className="w-full sm:w-auto">
          <CheckCircle2 className="size-4" aria-hidden="true" />
          {t("trader.queue.paymentReceived")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("trader.queue.confirmTitle")}</DialogTitle>
          <DialogDescription>{t("trader.queue.confirmDescription")}</DialogDescription>
        </DialogHeader>
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
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={pending}>
              {t("common.cancel")}
            </Button>
          </DialogClose>
          <Button type="button" onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
            {t("trader.queue.confirmAction")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
