"use client";

import { useId } from "react";
import { Upload } from "lucide-react";
import { toast } from "sonner";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { ACCEPT_ATTRIBUTE, formatFileSize, precheckFile } from "@/lib/files/file-types";
import type { ActionResult } from "@/lib/web/action";
import { receiptRefusalText } from "@/lib/web/receipt-refusal-text";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useActionDialog } from "@/components/ui/use-action";
import type { QueueActions } from "./trader-actions";

/**
 * "I paid": the trader attaches the transfer's receipt (an image or a PDF) and the payout
 * becomes paid. The file is checked here first with the server's own rules and words (size,
 * type by its first bytes), then sent as multipart to a route that streams it into storage —
 * not through a server action, whose body is capped at 1 MB.
 */
export function PayoutReceiptDialog({ order, upload, onSettled }: { order: QueueOrder; upload: QueueActions["payoutReceipt"]; onSettled: (paid: boolean) => void }) {
  const t = useT();
  const inputId = useId();
  const { dialog, close, submit: run, fieldErrors, setFieldErrors } = useActionDialog();
  const error = fieldErrors.receipt;

  const submit = async (formData: FormData) => {
    const file = formData.get("receipt");
    // An empty file input still gives a File, without a name: nothing was chosen.
    const problem = await precheckFile(file instanceof File && file.name ? file : null, upload.maxBytes);
    if (problem) {
      setFieldErrors({ receipt: receiptRefusalText(problem, t, upload.maxBytes) ?? problem.message });
      return;
    }
    setFieldErrors({});
    run(
      async () => {
        const response = await fetch(`/api/cabinet/trader/payouts/${encodeURIComponent(order.id)}/receipt`, { method: "POST", body: formData });
        return (await response.json().catch(() => ({ ok: false, message: t("errors.unknown") }))) as ActionResult<{ status: string }>;
      },
      {
        // A refused file stays in the dialog to be replaced; any other refusal ends it.
        fields: ["receipt"],
        success: t("trader.queue.payoutPaid", { id: order.id }),
        onSuccess: () => onSettled(true),
        onFailure: (_failure, text) => {
          toast.error(text);
          close();
          onSettled(false);
        },
      },
    );
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
      onSubmit={(form) => void submit(form)}
    >
      <div className="grid gap-2">
        <Label htmlFor={inputId}>{t("trader.queue.receiptFile")}</Label>
        <Input
          id={inputId}
          name="receipt"
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-hint ${inputId}-error`}
        />
        <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
          {t("trader.queue.receiptHint", { size: formatFileSize(upload.maxBytes) })}
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
