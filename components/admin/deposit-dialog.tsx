"use client";

import { useState } from "react";
import { Loader2, Wallet } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "./action-result";
import { FormField } from "./form-field";
import { useAdminAction } from "./use-admin-action";

export interface DepositForm {
  traderId: number;
  direction: "credit" | "debit";
  amount: string;
  note: string;
}

/** Credit or debit a trader's USDT deposit: the amount is typed in USDT and parsed exactly on the server. */
export function DepositDialog({
  trader,
  action,
}: {
  trader: { id: number; email: string; available: bigint; held: bigint; exponent: number; code: string };
  action: (input: DepositForm) => Promise<ActionResult>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [direction, setDirection] = useState<DepositForm["direction"]>("credit");
  const { run, pending, fieldErrors, setFieldErrors } = useAdminAction();
  const id = (field: string) => `deposit-${trader.id}-${field}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFieldErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.traders.depositFor", { email: trader.email })}>
          <Wallet className="size-4" aria-hidden="true" />
          {t("admin.traders.deposit")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("admin.traders.depositTitle")}</DialogTitle>
          <DialogDescription className="break-all">{trader.email}</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <div className="rounded-md bg-muted/60 px-3 py-2">
            <dt className="text-xs text-muted-foreground">{t("admin.traders.available")}</dt>
            <dd className="font-medium" data-testid="deposit-available">
              <Money amount={trader.available} exponent={trader.exponent} code={trader.code} />
            </dd>
          </div>
          <div className="rounded-md bg-muted/60 px-3 py-2">
            <dt className="text-xs text-muted-foreground">{t("admin.traders.held")}</dt>
            <dd className="font-medium">
              <Money amount={trader.held} exponent={trader.exponent} code={trader.code} />
            </dd>
          </div>
        </dl>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const input: DepositForm = { traderId: trader.id, direction, amount: String(form.get("amount") ?? ""), note: String(form.get("note") ?? "") };
            run(() => action(input), () => setOpen(false));
          }}
        >
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">{t("admin.traders.direction")}</legend>
            <div className="flex flex-wrap gap-4">
              {(["credit", "debit"] as const).map((value) => (
                <Label key={value} htmlFor={id(value)} className="font-normal">
                  <input
                    id={id(value)}
                    type="radio"
                    name="direction"
                    value={value}
                    checked={direction === value}
                    onChange={() => setDirection(value)}
                    className="size-4 accent-primary"
                  />
                  {value === "credit" ? t("admin.traders.credit") : t("admin.traders.debit")}
                </Label>
              ))}
            </div>
          </fieldset>
          <FormField id={id("amount")} name="amount" label={t("admin.traders.amount")} hint={t("admin.traders.amountHint")} error={fieldErrors.amount}>
            {(control) => <Input {...control} inputMode="decimal" autoComplete="off" className="font-mono" />}
          </FormField>
          <FormField id={id("note")} name="note" label={t("admin.traders.note")} error={fieldErrors.note}>
            {(control) => <Input {...control} autoComplete="off" maxLength={500} />}
          </FormField>
          <DialogFooter>
            <Button type="submit" variant={direction === "debit" ? "destructive" : "default"} disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {direction === "credit" ? t("admin.traders.creditSubmit") : t("admin.traders.debitSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
