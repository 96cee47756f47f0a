"use client";

import type { RequisiteLimitsForm } from "@/lib/requisites/requisite-schema";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Input } from "@/components/ui/input";

const AMOUNT_FIELDS = [
  { name: "minAmount", label: "trader.requisites.fields.minAmount", required: true },
  { name: "maxAmount", label: "trader.requisites.fields.maxAmount", required: true },
  { name: "dailyLimit", label: "trader.requisites.fields.dailyLimit", required: true },
  { name: "monthlyLimit", label: "trader.requisites.fields.monthlyLimit", required: false },
] as const;

/**
 * The limits part of the requisite forms: per-order bounds, daily limit, optional monthly and
 * daily-count limits. Amounts are typed in the requisite's currency, e.g. "1 500" or "1500,50".
 */
export function LimitsFields({
  idPrefix,
  values,
  errors,
  currencyCode,
  onChange,
}: {
  idPrefix: string;
  values: RequisiteLimitsForm;
  errors: Partial<Record<keyof RequisiteLimitsForm, string>>;
  currencyCode: string;
  onChange: (name: keyof RequisiteLimitsForm, value: string) => void;
}) {
  const t = useT();
  const countId = `${idPrefix}-dailyCountLimit`;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {AMOUNT_FIELDS.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const hint = field.required ? currencyCode : t("trader.requisites.optionalIn", { currency: currencyCode });
        return (
          <FormField key={field.name} id={id} name={field.name} label={t(field.label)} hint={hint} error={errors[field.name]}>
            {(control) => (
              <Input {...control} inputMode="decimal" autoComplete="off" value={values[field.name]} onChange={(event) => onChange(field.name, event.target.value)} required={field.required} />
            )}
          </FormField>
        );
      })}
      <FormField id={countId} name="dailyCountLimit" label={t("trader.requisites.fields.dailyCountLimit")} hint={t("trader.requisites.optional")} error={errors.dailyCountLimit}>
        {(control) => <Input {...control} inputMode="numeric" autoComplete="off" value={values.dailyCountLimit} onChange={(event) => onChange("dailyCountLimit", event.target.value)} />}
      </FormField>
    </div>
  );
}
