"use client";

import { useState } from "react";
import { Check, X } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { PendingButton } from "@/components/ui/pending-button";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/web/action";
import { useActionDialog } from "@/components/ui/use-action";

export interface WithdrawalDecisionInput {
  id: number;
  decision: "approve" | "reject";
  note: string;
}

/** Approve or reject one pending withdrawal, with a note (required to reject: the merchant reads it). */
export function WithdrawalDecisionDialog({
  withdrawal,
  action,
}: {
  withdrawal: { id: number; storeName: string; amount: bigint; exponent: number; currencyCode: string; address: string };
  action: (input: WithdrawalDecisionInput) => Promise<ActionResult<{ message: string }>>;
}) {
  const t = useT();
  const [note, setNote] = useState("");
  const { dialog, fieldErrors, submit } = useActionDialog();
  const decide = (decision: WithdrawalDecisionInput["decision"]) => submit(() => action({ id: withdrawal.id, decision, note }));

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" size="sm" aria-label={t("admin.withdrawals.decideFor", { id: withdrawal.id })}>
          {t("admin.withdrawals.decide")}
        </Button>
      }
      title={t("admin.withdrawals.decideTitle", { id: withdrawal.id })}
      description={
        <>
          {withdrawal.storeName} · <Money amount={withdrawal.amount} exponent={withdrawal.exponent} code={withdrawal.currencyCode} />
        </>
      }
      intro={<p className="break-all rounded-md bg-muted/60 px-3 py-2 font-mono text-xs">{withdrawal.address}</p>}
      actions={
        <>
          <PendingButton type="button" variant="destructive" pending={dialog.pending} icon={<X className="size-4" aria-hidden="true" />} onClick={() => decide("reject")}>
            {t("admin.withdrawals.reject")}
          </PendingButton>
          <PendingButton type="button" pending={dialog.pending} icon={<Check className="size-4" aria-hidden="true" />} onClick={() => decide("approve")}>
            {t("admin.withdrawals.approve")}
          </PendingButton>
        </>
      }
    >
      <FormField id={`withdrawal-${withdrawal.id}-note`} name="note" label={t("admin.withdrawals.note")} hint={t("admin.withdrawals.noteHint")} error={fieldErrors.note}>
        {(control) => <Textarea {...control} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={1000} />}
      </FormField>
    </FormDialog>
  );
}
