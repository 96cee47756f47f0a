"use client";

import { useState } from "react";
import { Wallet } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Money } from "@/components/cabinet/money";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/web/action";
import { useActionDialog } from "@/components/ui/use-action";

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
  action: (input: DepositForm) => Promise<ActionResult<{ message: string }>>;
}) {
  const t = useT();
  const [direction, setDirection] = useState<DepositForm["direction"]>("credit");
  const { dialog, fieldErrors, submit } = useActionDialog();
  const id = (field: string) => `deposit-${trader.id}-${field}`;

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.traders.depositFor", { email: trader.email })}>
          <Wallet className="size-4" aria-hidden="true" />
          {t("admin.traders.deposit")}
        </Button>
      }
      title={t("admin.traders.depositTitle")}
      description={trader.email}
      descriptionClassName="break-all"
      intro={
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
      }
      submitLabel={direction === "credit" ? t("admin.traders.creditSubmit") : t("admin.traders.debitSubmit")}
      submitVariant={direction === "debit" ? "destructive" : "default"}
      onSubmit={(form) => {
        const input: DepositForm = { traderId: trader.id, direction, amount: String(form.get("amount") ?? ""), note: String(form.get("note") ?? "") };
        submit(() => action(input));
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
    </FormDialog>
  );
}
