"use client";

import { useId, useMemo, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Plus } from "lucide-react";
import { toast } from "sonner";
import { addRequisiteAction } from "@/app/(cabinet)/trader/requisites/actions";
import type { RequisiteChoices } from "@/lib/cabinet/trader/list-requisite-choices";
import { newRequisiteSchema, REQUISITE_TYPES, type NewRequisiteForm } from "@/lib/cabinet/trader/requisite-schema";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { explainError } from "./explain-error";
import { describedBy, FormField } from "./form-field";
import { LimitsFields } from "./limits-fields";
import { requisiteTypeLabel } from "./requisite-type-label";
import { useFieldErrors } from "./use-field-errors";

const NUMBER_HINTS = {
  card: "trader.requisites.hints.card",
  sbp: "trader.requisites.hints.sbp",
  account: "trader.requisites.hints.account",
} as const;

function emptyForm(choices: RequisiteChoices): NewRequisiteForm {
  return {
    type: "card",
    bankId: "",
    currency: choices.currencies.find((c) => c.code === "RUB")?.code ?? choices.currencies[0]?.code ?? "",
    number: "",
    holder: "",
    minAmount: "",
    maxAmount: "",
    dailyLimit: "",
    monthlyLimit: "",
    dailyCountLimit: "",
  };
}

/** "Add a requisite": a card, an SBP phone or an account, with its limits; active once saved. */
export function AddRequisiteDialog({ choices }: { choices: RequisiteChoices }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const idPrefix = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(() => emptyForm(choices));
  const { errors, show, fromZod, clear } = useFieldErrors<keyof NewRequisiteForm>();
  const [pending, startTransition] = useTransition();
  const schema = useMemo(() => {
    const exponents = new Map(choices.currencies.map((c) => [c.code, c.exponent]));
    return newRequisiteSchema((code) => exponents.get(code), locale);
  }, [choices.currencies, locale]);

  const set = (name: keyof NewRequisiteForm, value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const id = (name: keyof NewRequisiteForm) => `${idPrefix}-${name}`;
  const type = (REQUISITE_TYPES as readonly string[]).includes(form.type) ? (form.type as keyof typeof NUMBER_HINTS) : "card";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = schema.safeParse(form);
    if (!checked.success) {
      fromZod(checked.error);
      return;
    }
    clear();
    startTransition(async () => {
      const result = await addRequisiteAction(form).catch(() => ({ ok: false as const, code: "network", fieldErrors: undefined }));
      if (result.ok) {
        toast.success(t("trader.requisites.added"));
        setOpen(false);
        setForm(emptyForm(choices));
        router.refresh();
      } else if (result.fieldErrors) {
        show(result.fieldErrors);
      } else {
        toast.error(result.code === "network" ? t("errors.network") : explainError(t, result.code));
      }
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        clear();
      }}
    >
      <DialogTrigger asChild>
        <Button type="button">
          <Plus className="size-4" aria-hidden="true" />
          {t("trader.requisites.add")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("trader.requisites.addTitle")}</DialogTitle>
          <DialogDescription>{t("trader.requisites.addDescription")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <FormField id={id("type")} label={t("trader.requisites.fields.type")} error={errors.type}>
              <NativeSelect id={id("type")} name="type" value={form.type} onChange={(e) => set("type", e.target.value)} aria-invalid={errors.type ? true : undefined} aria-describedby={describedBy(id("type"), false, errors.type)}>
                {REQUISITE_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {requisiteTypeLabel(t, value)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id={id("bankId")} label={t("trader.requisites.fields.bank")} error={errors.bankId}>
              <NativeSelect id={id("bankId")} name="bankId" value={form.bankId} onChange={(e) => set("bankId", e.target.value)} required aria-invalid={errors.bankId ? true : undefined} aria-describedby={describedBy(id("bankId"), false, errors.bankId)}>
                <option value="">{t("trader.requisites.chooseBank")}</option>
                {choices.banks.map((bank) => (
                  <option key={bank.id} value={String(bank.id)}>
                    {bank.name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id={id("currency")} label={t("trader.requisites.fields.currency")} error={errors.currency}>
              <NativeSelect id={id("currency")} name="currency" value={form.currency} onChange={(e) => set("currency", e.target.value)} aria-invalid={errors.currency ? true : undefined} aria-describedby={describedBy(id("currency"), false, errors.currency)}>
                {choices.currencies.map((currency) => (
                  <option key={currency.code} value={currency.code}>
                    {currency.code}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          </div>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FormField id={id("number")} label={t(`trader.requisites.numberLabels.${type}`)} hint={t(NUMBER_HINTS[type])} error={errors.number}>
              <Input
                id={id("number")}
                name="number"
                inputMode={type === "account" ? "text" : type === "sbp" ? "tel" : "numeric"}
                autoComplete="off"
                value={form.number}
                onChange={(e) => set("number", e.target.value)}
                required
                aria-invalid={errors.number ? true : undefined}
                aria-describedby={describedBy(id("number"), true, errors.number)}
              />
            </FormField>
            <FormField id={id("holder")} label={t("trader.requisites.fields.holder")} hint={t("trader.requisites.hints.holder")} error={errors.holder}>
              <Input
                id={id("holder")}
                name="holder"
                autoComplete="off"
                value={form.holder}
                onChange={(e) => set("holder", e.target.value)}
                required
                aria-invalid={errors.holder ? true : undefined}
                aria-describedby={describedBy(id("holder"), true, errors.holder)}
              />
            </FormField>
          </div>
          <LimitsFields idPrefix={idPrefix} values={form} errors={errors} currencyCode={form.currency} onChange={set} />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                {t("common.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("trader.requisites.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
