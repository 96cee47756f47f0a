"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Loader2 } from "lucide-react";
import type { ActionResult } from "@/lib/cabinet/merchant/action-result";
import { formatMinorNumber } from "@/components/format/money";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { refusalMessage } from "./action-feedback";
import { FieldError } from "./field-error";

export interface WithdrawalStoreOption {
  id: number;
  name: string;
  /** Available balance in minor units of the withdrawal currency. */
  available: bigint;
  exponent: number;
}

type Fields = "storeId" | "amount" | "address";

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
  const [pending, startTransition] = useTransition();
  const [storeId, setStoreId] = useState(String(stores[0]?.id ?? ""));
  const [amount, setAmount] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const store = stores.find((s) => String(s.id) === storeId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const address = String(new FormData(form).get("address") ?? "");
    startTransition(async () => {
      const result = await submit({ storeId, amount, address });
      if (result.ok) {
        setErrors({});
        setAmount("");
        form.reset();
        toast.success(t("merchant.withdrawals.requested"));
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) toast.error(refusalMessage(result, t));
    });
  }

  const describedBy = (name: Fields, hint?: string) => [hint, errors[name] ? `withdrawal-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <div className="grid gap-2">
        <Label htmlFor="withdrawal-storeId">{t("merchant.withdrawals.store")}</Label>
        <NativeSelect id="withdrawal-storeId" value={storeId} onChange={(event) => setStoreId(event.target.value)} aria-invalid={errors.storeId ? true : undefined} aria-describedby={describedBy("storeId")}>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="withdrawal-storeId-error" message={errors.storeId} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="withdrawal-amount">{t("merchant.withdrawals.amount", { currency })}</Label>
        <div className="flex gap-2">
          <Input
            id="withdrawal-amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={describedBy("amount", "withdrawal-available")}
          />
          <Button type="button" variant="outline" disabled={!store || store.available === 0n} onClick={() => store && setAmount(formatMinorNumber(store.available, store.exponent, locale))}>
            {t("merchant.withdrawals.all")}
          </Button>
        </div>
        <p id="withdrawal-available" className="text-xs text-muted-foreground" data-testid="withdrawal-available">
          {t("merchant.withdrawals.available", { amount: store ? formatMinorNumber(store.available, store.exponent, locale) : "0", currency })}
        </p>
        <FieldError id="withdrawal-amount-error" message={errors.amount} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="withdrawal-address">{t("merchant.withdrawals.address")}</Label>
        <Input id="withdrawal-address" name="address" autoComplete="off" spellCheck={false} className="font-mono text-xs" aria-invalid={errors.address ? true : undefined} aria-describedby={describedBy("address", "withdrawal-address-hint")} />
        <p id="withdrawal-address-hint" className="text-xs text-muted-foreground">
          {t("merchant.withdrawals.addressHint")}
        </p>
        <FieldError id="withdrawal-address-error" message={errors.address} />
      </div>
      <Button type="submit" className="w-fit" disabled={pending || !store} aria-busy={pending}>
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
        {t("merchant.withdrawals.submit")}
      </Button>
    </form>
  );
}
