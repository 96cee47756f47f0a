"use client";

import { useId, useState } from "react";
import { Undo2 } from "lucide-react";
import { toast } from "sonner";
import { releasePayoutAction } from "@/app/(cabinet)/trader/order-actions";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog, useFormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { callTraderAction, explainError, fieldError } from "./explain-error";

const REASON_MAX = 500;

/**
 * "Release" on a payout the trader accepted but has not paid, behind a confirm step with an
 * optional reason: it goes to another trader and never comes back to this one.
 */
export function ReleasePayoutDialog({ order, onSettled }: { order: QueueOrder; onSettled: (released: boolean) => void }) {
  const t = useT();
  const fieldId = useId();
  const [error, setError] = useState<string>();
  const { dialog, close, startTransition } = useFormDialog(() => setError(undefined));

  const submit = (form: FormData) =>
    startTransition(async () => {
      const result = await callTraderAction(releasePayoutAction(order.id, String(form.get("reason") ?? "")));
      if (result.ok) {
        toast.success(t("trader.queue.released", { id: order.id }));
        close();
        onSettled(true);
      } else if (result.fieldErrors?.reason) {
        setError(fieldError(t, result.fieldErrors.reason));
      } else {
        toast.error(explainError(t, result.code));
        close();
        onSettled(false);
      }
    });

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" className="w-full sm:w-auto">
          <Undo2 className="size-4" aria-hidden="true" />
          {t("trader.queue.release")}
        </Button>
      }
      title={t("trader.queue.releaseTitle")}
      description={
        <>
          <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} className="font-semibold text-foreground" />
          {" · "}
          {t("trader.queue.releaseDescription")}
        </>
      }
      cancelLabel={t("common.cancel")}
      submitLabel={t("trader.queue.releaseSubmit")}
      submitVariant="destructive"
      onSubmit={submit}
    >
      <FormField id={`${fieldId}-reason`} name="reason" label={t("trader.queue.releaseReason")} hint={t("trader.queue.releaseReasonHint")} error={error}>
        {(control) => <Textarea {...control} rows={3} maxLength={REASON_MAX} />}
      </FormField>
    </FormDialog>
  );
}
