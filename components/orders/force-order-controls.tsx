"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { CheckCircle2, XCircle } from "lucide-react";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import type { ForceOrderForm, ForcedOutcomeChoice } from "@/lib/orders/force-order-schema";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/components/admin/action-result";
import { FormDialog, useFormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

type ForceAction = (input: ForceOrderForm) => Promise<ActionResult>;

const TEXTS = {
  completed: { trigger: "forceOrder.complete", title: "forceOrder.completeTitle", text: "forceOrder.completeText", submit: "forceOrder.submitComplete", Icon: CheckCircle2 },
  cancelled: { trigger: "forceOrder.cancel", title: "forceOrder.cancelTitle", text: "forceOrder.cancelText", submit: "forceOrder.submitCancel", Icon: XCircle },
} as const;

/**
 * One force action behind its dialog: a required note, then the cabinet's server action. A
 * refusal (the order has no trader to complete it, it ended meanwhile, …) stays in the dialog
 * with the domain's reason; a success closes it and re-reads the page.
 */
function ForceOrderDialog({ orderId, outcome, action }: { orderId: string; outcome: ForcedOutcomeChoice; action: ForceAction }) {
  const t = useT();
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { dialog, close, startTransition } = useFormDialog(() => {
    setMessage(undefined);
    setFieldErrors({});
  });
  const texts = TEXTS[outcome];

  const submit = (form: FormData) => {
    const note = String(form.get("note") ?? "");
    if (!note.trim()) {
      setFieldErrors({ note: t("forceOrder.errors.noteRequired") });
      return;
    }
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await action({ orderId, outcome, note });
      } catch {
        setMessage(t("errors.network"));
        return;
      }
      if (result.ok) {
        toast.success(result.message);
        close();
        router.refresh();
        return;
      }
      setFieldErrors(result.fieldErrors);
      setMessage(result.fieldErrors.note === result.message ? undefined : result.message);
    });
  };

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant={outcome === "cancelled" ? "destructive" : "outline"} size="sm">
          <texts.Icon className="size-4" aria-hidden="true" />
          {t(texts.trigger)}
        </Button>
      }
      title={t(texts.title, { id: orderId })}
      description={t(texts.text)}
      descriptionClassName="[overflow-wrap:anywhere]"
      cancelLabel={t("common.cancel")}
      submitLabel={t(texts.submit)}
      submitVariant={outcome === "cancelled" ? "destructive" : "default"}
      onSubmit={submit}
    >
      {message ? (
        <p role="alert" className="text-sm text-destructive" data-testid="force-order-error">
          {message}
        </p>
      ) : null}
      <FormField id={`force-${outcome}-${orderId}-note`} name="note" label={t("forceOrder.note")} hint={t("forceOrder.noteHint", { max: DISPUTE_TEXT_MAX })} error={fieldErrors.note}>
        {(control) => <Textarea {...control} rows={4} maxLength={DISPUTE_TEXT_MAX} />}
      </FormField>
    </FormDialog>
  );
}

/**
 * "Force complete" and "Force cancel" for a non-terminal order, on support's order page and the
 * admin's. `action` is the cabinet's own server action (it checks the caller's permission again).
 */
export function ForceOrderControls({ orderId, action }: { orderId: string; action: ForceAction }) {
  const t = useT();
  return (
    <div className="grid gap-3" data-testid="force-order">
      <p className="text-sm text-muted-foreground">{t("forceOrder.description")}</p>
      <div className="flex flex-wrap gap-2">
        <ForceOrderDialog orderId={orderId} outcome="completed" action={action} />
        <ForceOrderDialog orderId={orderId} outcome="cancelled" action={action} />
      </div>
    </div>
  );
}
