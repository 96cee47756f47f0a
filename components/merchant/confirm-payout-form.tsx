"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { CheckCircle2 } from "lucide-react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { Button } from "@/components/ui/button";
import { useActionDialog } from "@/components/ui/use-action";

/**
 * "Confirm payout" on a paid payout, behind a confirm step: completing it repays the trader from
 * the store's hold and cannot be undone. `confirm` is the page's server action (it checks the
 * merchant and the order again); a refusal (e.g. the payout was disputed or completed meanwhile)
 * is shown in the dialog.
 */
export function ConfirmPayoutForm({ orderId, confirm }: { orderId: string; confirm: (orderId: string) => Promise<ActionResult<{ status: string }>> }) {
  const t = useT();
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const { dialog, submit: run } = useActionDialog(() => setMessage(undefined));

  const submit = () =>
    run(() => confirm(orderId), {
      success: t("merchant.order.confirmPayout.confirmed"),
      onSuccess: () => router.refresh(),
      onFailure: (_failure, text) => {
        setMessage(text);
        router.refresh();
      },
    });

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button">
          <CheckCircle2 className="size-4" aria-hidden="true" />
          {t("merchant.order.confirmPayout.open")}
        </Button>
      }
      title={t("merchant.order.confirmPayout.title")}
      description={t("merchant.order.confirmPayout.description")}
      cancelLabel={t("common.cancel")}
      submitLabel={t("merchant.order.confirmPayout.submit")}
      onSubmit={submit}
    >
      {message ? (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
    </FormDialog>
  );
}
