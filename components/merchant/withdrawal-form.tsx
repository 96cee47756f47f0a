"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/web/action";
import { formatMinorNumber } from "@/lib/format/money";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";

export interface WithdrawalStoreOption {
  id: number;
  name: string;
  /** Available balance in minor units of the withdrawal currency. */
  available: bigint;
  exponent: number;
}

const FIELDS = ["storeId", "amount", "address"] as const;
type Fields = (typeof FIELDS)[number];

/** Store, amount (at most what is available; "All" fills it) and the destination address. */
export function WithdrawalForm({
  stores,
  currency,
  submit,
}: {
  stores: WithdrawalStoreOption[];
  currency: string;
  submit: (form: Record<Fields, string>) => Promise<ActionResult<{ id: number }>>;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const { run, pending, fieldErrors: errors } = useAction();
  const [storeId, setStoreId] = useState(String(stores[0]?.id ?? ""));
  const [amount, setAmount] = useState("");
  const store = stores.find((s) => String(s.id) === storeId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const address = String(new FormData(form).get("address") ?? "");
    run(() => submit({ storeId, amount, address }), {
      fields: FIELDS,
      success: t("merchant.withdrawals.requested"),
      onSuccess: () => {
        setAmount("");
        form.reset();
        router.refresh();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <FormField id="withdrawal-storeId" name="storeId" label={t("merchant.withdrawals.store")} error={errors.storeId}>
        {(control) => (
          <NativeSelect {...control} value={storeId} onChange={(event) => setStoreId(event.target.value)}>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <FormField
        id="withdrawal-amount"
        name="amount"
        label={t("merchant.withdrawals.amount", { currency })}
        hint={
          <span data-testid="withdrawal-available">
            {t("merchant.withdrawals.available", { amount: store ? formatMinorNumber(store.available, store.exponent, locale) : "0", currency })}
          </span>
        }
        error={errors.amount}
      >
        {(control) => (
          <div className="flex gap-2">
            <Input {...control} inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} />
            <Button type="button" variant="outline" disabled={!store || store.available === 0n} onClick={() => store && setAmount(formatMinorNumber(store.available, store.exponent, locale))}>
              {t("merchant.withdrawals.all")}
            </Button>
          </div>
        )}
      </FormField>
      <FormField id="withdrawal-address" name="address" label={t("merchant.withdrawals.address")} hint={t("merchant.withdrawals.addressHint")} error={errors.address}>
        {(control) => <Input {...control} autoComplete="off" spellCheck={false} className="font-mono text-xs" />}
      </FormField>
      <PendingButton type="submit" className="w-fit" disabled={!store} pending={pending}>
        {t("merchant.withdrawals.submit")}
      </PendingButton>
    </form>
  );
}
