"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { Loader2, Upload } from "lucide-react";
import { toast } from "sonner";
import { markPayoutPaidAction } from "@/app/(cabinet)/trader/order-actions";
import type { QueueOrder } from "@/lib/cabinet/trader/list-trader-queue";
import { RECEIPT_CONTENT_TYPES, RECEIPT_MAX_BYTES, receiptFileError } from "@/lib/cabinet/trader/receipt-file";
import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { explainError } from "./explain-error";

const MAX_KB = Math.floor(RECEIPT_MAX_BYTES / 1024);

/** "I paid": the trader attaches the transfer's receipt (image or PDF) and the payout becomes paid. */
export function PayoutReceiptDialog({ order, onSettled }: { order: QueueOrder; onSettled: (paid: boolean) => void }) {
  const t = useT();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = formData.get("receipt");
    const problem = receiptFileError(file instanceof File ? file : null);
    if (problem) {
      setError(explainError(t, `receipt_${problem}`, { kb: MAX_KB }));
      return;
    }
    setError(null);
    formData.set("orderId", order.id);
    startTransition(async () => {
      const result = await markPayoutPaidAction(formData).catch(() => ({ ok: false as const, code: "network" }));
      if (result.ok) {
        toast.success(t("trader.queue.payoutPaid", { id: order.id }));
        setOpen(false);
        onSettled(true);
        return;
      }
      const message = result.code === "network" ? t("errors.network") : explainError(t, result.code, { kb: MAX_KB });
      if (result.code.startsWith("receipt_")) {
        setError(message);
      } else {
        toast.error(message);
        setOpen(false);
        onSettled(false);
      }
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" className="w-full sm:w-auto">
          <Upload className="size-4" aria-hidden="true" />
          {t("trader.queue.uploadReceipt")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("trader.queue.receiptTitle")}</DialogTitle>
          <DialogDescription>
            {t("trader.queue.receiptDescription")}{" "}
            <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} className="font-semibold text-foreground" />
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <div className="grid gap-2">
            <Label htmlFor={inputId}>{t("trader.queue.receiptFile")}</Label>
            <Input
              id={inputId}
              name="receipt"
              type="file"
              accept={RECEIPT_CONTENT_TYPES.join(",")}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={`${inputId}-hint ${inputId}-error`}
            />
            <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
              {t("trader.queue.receiptHint", { kb: MAX_KB })}
            </p>
            {error ? (
              <p id={`${inputId}-error`} className="text-sm text-destructive" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                {t("common.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("trader.queue.receiptSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
