"use client";

import { useId, useMemo, useState } from "react";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import type { RequisiteLimitsView } from "@/lib/requisites/list-trader-requisites";
import { requisiteLimitsSchema, type RequisiteLimitsForm } from "@/lib/requisites/requisite-schema";
import { minorToDecimalString } from "@/lib/money/convert";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { Button } from "@/components/ui/button";
import { useActionDialog } from "@/components/ui/use-action";
import { formErrors } from "./form-errors";
import { LimitsFields } from "./limits-fields";
import type { RequisiteActions } from "./trader-actions";

/** The current limits as editable text ("1500.00"), which both languages' parsers read back exactly. */
function formOf(limits: RequisiteLimitsView): RequisiteLimitsForm {
  const amount = (value: string | null) => (value === null ? "" : minorToDecimalString(BigInt(value), limits.exponent));
  return {
    minAmount: amount(limits.minAmount),
    maxAmount: amount(limits.maxAmount),
    dailyLimit: amount(limits.dailyLimit),
    monthlyLimit: amount(limits.monthlyLimit),
    dailyCountLimit: limits.dailyCountLimit === null ? "" : String(limits.dailyCountLimit),
  };
}

/** Edit one requisite's limits; the next order is routed with the new ones. */
export function EditLimitsDialog({ requisiteId, label, limits, update }: { requisiteId: number; label: string; limits: RequisiteLimitsView; update: RequisiteActions["updateLimits"] }) {
  const t = useT();
  const locale = useLocale();
  const idPrefix = useId();
  const [form, setForm] = useState(() => formOf(limits));
  const router = useRouter();
  const { dialog, fieldErrors: errors, setFieldErrors, submit } = useActionDialog();
  const schema = useMemo(() => requisiteLimitsSchema(limits.exponent, locale), [limits.exponent, locale]);

  return (
    <FormDialog
      {...dialog}
      onOpenChange={(next) => {
        dialog.onOpenChange(next);
        if (next) setForm(formOf(limits));
      }}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("trader.requisites.editLimitsOf", { name: label })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("trader.requisites.editLimits")}
        </Button>
      }
      title={t("trader.requisites.editLimitsTitle")}
      description={label}
      className="max-w-xl"
      cancelLabel={t("common.cancel")}
      submitLabel={t("common.save")}
      onSubmit={() => {
        // The server checks the same schema again; this answers at once.
        const problems = formErrors(schema, form, t);
        setFieldErrors(problems ?? {});
        if (problems) return;
        submit(() => update(requisiteId, form), {
          fields: Object.keys(form),
          success: ({ changed }) => (changed ? t("trader.requisites.limitsSaved") : t("trader.requisites.limitsUnchanged")),
          onSuccess: () => router.refresh(),
        });
      }}
    >
      <LimitsFields idPrefix={idPrefix} values={form} errors={errors} currencyCode={limits.currencyCode} onChange={(name, value) => setForm((previous) => ({ ...previous, [name]: value }))} />
    </FormDialog>
  );
}
