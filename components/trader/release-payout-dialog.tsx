"use client";

import { useId } from "react";
import { Undo2 } from "lucide-react";
import { toast } from "sonner";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useActionDialog } from "@/components/ui/use-action";
import type { QueueActions } from "./trader-actions";

const REASON_MAX = 500;

/**
 * "Release" on a payout the trader accepted but has not paid, behind a confirm step with an
 * optional reason: it goes to another trader and never comes back to this one.
 */
export function ReleasePayoutDialog({ order, release, onSettled }: { order: QueueOrder; release: QueueActions["releasePayout"]; onSettled: (released: boolean) => void }) {
  const t = useT();
  const fieldId = useId();
  const { dialog, close, submit: run, fieldErrors } = useActionDialog();

  const submit = (form: FormData) =>
    run(() => release(order.id, String(form.get("reason") ?? "")), {
      fields: ["reason"],
      success: t("trader.queue.released", { id: order.id }),
      onSuccess: () => onSettled(true),
      onFailure: (_failure, text) => {
        toast.error(text);
        close();
        onSettled(false);
      },
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
      <FormField id={`${fieldId}-reason`} name="reason" label={t("trader.queue.releaseReason")} hint={t("trader.queue.releaseReasonHint")} error={fieldErrors.reason}>
        {(control) => <Textarea {...control} rows={3} maxLength={REASON_MAX} />}
      </FormField>
    </FormDialog>
  );
}
