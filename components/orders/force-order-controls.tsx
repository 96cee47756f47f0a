"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { CheckCircle2, XCircle } from "lucide-react";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import type { ForceOrderForm, ForcedOutcomeChoice } from "@/lib/orders/force-order-schema";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/web/action";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useActionDialog } from "@/components/ui/use-action";

type ForceAction = (input: ForceOrderForm) => Promise<ActionResult<{ message: string }>>;

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
  const { dialog, submit: run, fieldErrors, setFieldErrors } = useActionDialog(() => setMessage(undefined));
  const texts = TEXTS[outcome];

  const submit = (form: FormData) => {
    const note = String(form.get("note") ?? "");
    if (!note.trim()) {
      setFieldErrors({ note: t("forceOrder.errors.noteRequired") });
      return;
    }
    run(() => action({ orderId, outcome, note }), {
      onSuccess: () => router.refresh(),
      // The refusal stays in the dialog; a note's own error shows under the note only.
      onFailure: (failure, text) => setMessage(failure.fieldErrors?.note === text ? undefined : text),
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
