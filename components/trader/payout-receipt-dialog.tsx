"use client";

import { useId } from "react";
import { Upload } from "lucide-react";
import { toast } from "sonner";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { RECEIPT_CONTENT_TYPES, RECEIPT_MAX_BYTES, receiptFileError } from "@/lib/orders/receipt-file";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useActionDialog } from "@/components/ui/use-action";
import type { QueueActions } from "./trader-actions";

const MAX_KB = Math.floor(RECEIPT_MAX_BYTES / 1024);

/** "I paid": the trader attaches the transfer's receipt (image or PDF) and the payout becomes paid. */
export function PayoutReceiptDialog({ order, markPaid, onSettled }: { order: QueueOrder; markPaid: QueueActions["markPayoutPaid"]; onSettled: (paid: boolean) => void }) {
  const t = useT();
  const inputId = useId();
  const { dialog, close, submit: run, fieldErrors, setFieldErrors } = useActionDialog();
  const error = fieldErrors.receipt;

  const submit = (formData: FormData) => {
    const file = formData.get("receipt");
    const problem = receiptFileError(file instanceof File ? file : null);
    if (problem) {
      setFieldErrors({ receipt: t(`trader.queue.receiptErrors.${problem}`, { kb: MAX_KB }) });
      return;
    }
    setFieldErrors({});
    formData.set("orderId", order.id);
    run(() => markPaid(formData), {
      // A refused file stays in the dialog to be replaced; any other refusal ends it.
      fields: ["receipt"],
      success: t("trader.queue.payoutPaid", { id: order.id }),
      onSuccess: () => onSettled(true),
      onFailure: (_failure, text) => {
        toast.error(text);
        close();
        onSettled(false);
      },
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
