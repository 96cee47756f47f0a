"use client";

import { useId, useMemo, useState } from "react";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import type { RequisiteChoices } from "@/lib/requisites/list-requisite-choices";
import { newRequisiteSchema, REQUISITE_TYPES, type NewRequisiteForm } from "@/lib/requisites/requisite-schema";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useActionDialog } from "@/components/ui/use-action";
import { formErrors } from "./form-errors";
import { LimitsFields } from "./limits-fields";
import { requisiteTypeLabel } from "./requisite-type-label";
import type { AddRequisiteAction } from "./trader-actions";

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
export function AddRequisiteDialog({ choices, add }: { choices: RequisiteChoices; add: AddRequisiteAction }) {
  const t = useT();
  const locale = useLocale();
  const idPrefix = useId();
  const [form, setForm] = useState(() => emptyForm(choices));
  const router = useRouter();
  const { dialog, fieldErrors: errors, setFieldErrors, submit } = useActionDialog();
  const schema = useMemo(() => {
    const exponents = new Map(choices.currencies.map((c) => [c.code, c.exponent]));
    return newRequisiteSchema((code) => exponents.get(code), locale);
  }, [choices.currencies, locale]);

  const set = (name: keyof NewRequisiteForm, value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const fields = { idPrefix, form, errors, set };

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button">
          <Plus className="size-4" aria-hidden="true" />
          {t("trader.requisites.add")}
        </Button>
      }
      title={t("trader.requisites.addTitle")}
      description={t("trader.requisites.addDescription")}
      className="max-w-2xl"
      cancelLabel={t("common.cancel")}
      submitLabel={t("trader.requisites.save")}
      onSubmit={() => {
        // The server checks the same schema again; this answers at once.
        const problems = formErrors(schema, form, t);
        setFieldErrors(problems ?? {});
        if (problems) return;
        submit(() => add(form), {
          fields: Object.keys(form),
          success: t("trader.requisites.added"),
          onSuccess: () => {
            setForm(emptyForm(choices));
            router.refresh();
          },
        });
      }}
    >
      <TypeBankCurrencyFields {...fields} choices={choices} />
      <NumberHolderFields {...fields} />
      <LimitsFields idPrefix={idPrefix} values={form} errors={errors} currencyCode={form.currency} onChange={set} />
    </FormDialog>
  );
}

/** What each field group of the form gets: the ids' prefix, the values, their errors and the setter. */
interface FieldGroupProps {
  idPrefix: string;
  form: NewRequisiteForm;
  errors: Partial<Record<string, string>>;
  set: (name: keyof NewRequisiteForm, value: string) => void;
}

/** The requisite's type (card, SBP, account), its bank and its currency. */
function TypeBankCurrencyFields({ idPrefix, form, errors, set, choices }: FieldGroupProps & { choices: RequisiteChoices }) {
  const t = useT();
  const id = (name: keyof NewRequisiteForm) => `${idPrefix}-${name}`;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
      <FormField id={id("type")} name="type" label={t("trader.requisites.fields.type")} error={errors.type}>
        {(control) => (
          <NativeSelect {...control} value={form.type} onChange={(e) => set("type", e.target.value)}>
            {REQUISITE_TYPES.map((value) => (
              <option key={value} value={value}>
                {requisiteTypeLabel(t, value)}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <FormField id={id("bankId")} name="bankId" label={t("trader.requisites.fields.bank")} error={errors.bankId}>
        {(control) => (
          <NativeSelect {...control} value={form.bankId} onChange={(e) => set("bankId", e.target.value)} required>
            <option value="">{t("trader.requisites.chooseBank")}</option>
            {choices.banks.map((bank) => (
              <option key={bank.id} value={String(bank.id)}>
                {bank.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <FormField id={id("currency")} name="currency" label={t("trader.requisites.fields.currency")} error={errors.currency}>
        {(control) => (
          <NativeSelect {...control} value={form.currency} onChange={(e) => set("currency", e.target.value)}>
            {choices.currencies.map((currency) => (
              <option key={currency.code} value={currency.code}>
                {currency.code}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
    </div>
  );
}

/** The card number, SBP phone or account number (labelled and hinted for the type chosen), and the holder's name. */
function NumberHolderFields({ idPrefix, form, errors, set }: FieldGroupProps) {
  const t = useT();
  const id = (name: keyof NewRequisiteForm) => `${idPrefix}-${name}`;
  const type = (REQUISITE_TYPES as readonly string[]).includes(form.type) ? (form.type as keyof typeof NUMBER_HINTS) : "card";
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <FormField id={id("number")} name="number" label={t(`trader.requisites.numberLabels.${type}`)} hint={t(NUMBER_HINTS[type])} error={errors.number}>
        {(control) => (
          <Input {...control} inputMode={type === "account" ? "text" : type === "sbp" ? "tel" : "numeric"} autoComplete="off" value={form.number} onChange={(e) => set("number", e.target.value)} required />
        )}
      </FormField>
      <FormField id={id("holder")} name="holder" label={t("trader.requisites.fields.holder")} hint={t("trader.requisites.hints.holder")} error={errors.holder}>
        {(control) => (
          <Input {...control} autoComplete="off" value={form.holder} onChange={(e) => set("holder", e.target.value)} required />
        )}
      </FormField>
    </div>
  );
}
