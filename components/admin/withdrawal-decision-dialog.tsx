"use client";

import { useState } from "react";
import { Check, Loader2, X } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "./action-result";
import { FormField } from "./form-field";
import { useAdminAction } from "./use-admin-action";

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
  action: (input: WithdrawalDecisionInput) => Promise<ActionResult>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { run, pending, fieldErrors, setFieldErrors } = useAdminAction();
  const decide = (decision: WithdrawalDecisionInput["decision"]) => run(() => action({ id: withdrawal.id, decision, note }), () => setOpen(false));

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFieldErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" size="sm" aria-label={t("admin.withdrawals.decideFor", { id: withdrawal.id })}>
          {t("admin.withdrawals.decide")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("admin.withdrawals.decideTitle", { id: withdrawal.id })}</DialogTitle>
          <DialogDescription>
            {withdrawal.storeName} · <Money amount={withdrawal.amount} exponent={withdrawal.exponent} code={withdrawal.currencyCode} />
          </DialogDescription>
        </DialogHeader>
        <p className="break-all rounded-md bg-muted/60 px-3 py-2 font-mono text-xs">{withdrawal.address}</p>
        <form noValidate className="grid gap-4" onSubmit={(event) => event.preventDefault()}>
          <FormField id={`withdrawal-${withdrawal.id}-note`} name="note" label={t("admin.withdrawals.note")} hint={t("admin.withdrawals.noteHint")} error={fieldErrors.note}>
            {(control) => <Textarea {...control} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={1000} />}
          </FormField>
          <DialogFooter>
            <Button type="button" variant="destructive" disabled={pending} onClick={() => decide("reject")}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <X className="size-4" aria-hidden="true" />}
              {t("admin.withdrawals.reject")}
            </Button>
            <Button type="button" disabled={pending} onClick={() => decide("approve")}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <Check className="size-4" aria-hidden="true" />}
              {t("admin.withdrawals.approve")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
