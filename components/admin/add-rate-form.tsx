"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import type { ActionResult } from "@/lib/web/action";
import { useAction } from "@/components/ui/use-action";

/** "New rate": fiat per 1 USDT, sent as typed text so the server reads it exactly. */
export function AddRateForm({ currency, action }: { currency: { id: number; code: string }; action: (input: { currencyId: number; rate: string }) => Promise<ActionResult<{ message: string }>> }) {
  const t = useT();
  const [rate, setRate] = useState("");
  const { run, pending, fieldErrors } = useAction();
  const id = `rate-${currency.code}`;
  return (
    <form
      noValidate
      className="grid gap-2 sm:flex sm:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => action({ currencyId: currency.id, rate }), { onSuccess: () => setRate("") });
      }}
    >
      <div className="sm:w-56">
        <FormField id={id} name="rate" label={t("admin.rates.newRate", { code: currency.code })} error={fieldErrors.rate}>
          {(control) => <Input {...control} value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" autoComplete="off" placeholder="92.50" className="font-mono" />}
        </FormField>
      </div>
      <PendingButton type="submit" variant="secondary" disabled={!rate.trim()} className="sm:mt-6" pending={pending} icon={<Plus className="size-4" aria-hidden="true" />}>
        {t("admin.rates.add")}
      </PendingButton>
    </form>
  );
}
