"use client";

import { useId, useState } from "react";
import { Upload } from "lucide-react";
import { toast } from "sonner";
import { markPayoutPaidAction } from "@/app/(cabinet)/trader/order-actions";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { RECEIPT_CONTENT_TYPES, RECEIPT_MAX_BYTES, receiptFileError } from "@/lib/orders/receipt-file";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog, useFormDialog } from "@/components/cabinet/form-dialog";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { callTraderAction, explainError } from "./explain-error";

const MAX_KB = Math.floor(RECEIPT_MAX_BYTES / 1024);

/** "I paid": the trader attaches the transfer's receipt (image or PDF) and the payout becomes paid. */
export function PayoutReceiptDialog({ order, onSettled }: { order: QueueOrder; onSettled: (paid: boolean) => void }) {
  const t = useT();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const { dialog, close, startTransition } = useFormDialog(() => setError(null));

  const submit = (formData: FormData) => {
    const file = formData.get("receipt");
    const problem = receiptFileError(file instanceof File ? file : null);
    if (problem) {
      setError(explainError(t, `receipt_${problem}`, { kb: MAX_KB }));
      return;
    }
    setError(null);
    formData.set("orderId", order.id);
    startTransition(async () => {
      const result = await callTraderAction(markPayoutPaidAction(formData));
      if (result.ok) {
        toast.success(t("trader.queue.payoutPaid", { id: order.id }));
        close();
        onSettled(true);
        return;
      }
      const message = explainError(t, result.code, { kb: MAX_KB });
      if (result.code.startsWith("receipt_")) {
        setError(message);
      } else {
        toast.error(message);
        close();
        onSettled(false);
      }
    });
  };

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" className="w-full sm:w-auto">
          <Upload className="size-4" aria-hidden="true" />
          {t("trader.queue.uploadReceipt")}
        </Button>
      }
      title={t("trader.queue.receiptTitle")}
      description={
        <>
          {t("trader.queue.receiptDescription")}{" "}
          <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} className="font-semibold text-foreground" />
        </>
      }
      cancelLabel={t("common.cancel")}
      submitLabel={t("trader.queue.receiptSubmit")}
      onSubmit={submit}
    >
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
    </FormDialog>
  );
}
