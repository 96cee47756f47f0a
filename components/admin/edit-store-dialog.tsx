"use client";

import { Pencil } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/web/action";
import { useActionDialog } from "@/components/ui/use-action";

export interface StoreForm {
  storeId: number;
  payinCommission: string;
  payoutCommission: string;
  limits: string;
}

/** Edits a store's commissions (fractions 0 ≤ x < 1) and its amount limits (JSON). */
export function EditStoreDialog({
  store,
  action,
}: {
  store: { id: number; name: string; payinCommission: string; payoutCommission: string; limitsText: string };
  action: (input: StoreForm) => Promise<ActionResult<{ message: string }>>;
}) {
  const t = useT();
  const { dialog, fieldErrors, submit } = useActionDialog();
  const id = (field: string) => `store-${store.id}-${field}`;

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.stores.editStore", { name: store.name })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("admin.common.edit")}
        </Button>
      }
      title={t("admin.stores.editTitle")}
      description={store.name}
      submitLabel={t("admin.common.save")}
      onSubmit={(form) => {
        const input: StoreForm = {
          storeId: store.id,
          payinCommission: String(form.get("payinCommission") ?? ""),
          payoutCommission: String(form.get("payoutCommission") ?? ""),
          limits: String(form.get("limits") ?? ""),
        };
        submit(() => action(input));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id("payin")} name="payinCommission" label={t("admin.stores.payinCommission")} error={fieldErrors.payinCommission}>
          {(control) => <Input {...control} defaultValue={store.payinCommission} inputMode="decimal" autoComplete="off" className="font-mono" />}
        </FormField>
        <FormField id={id("payout")} name="payoutCommission" label={t("admin.stores.payoutCommission")} error={fieldErrors.payoutCommission}>
          {(control) => <Input {...control} defaultValue={store.payoutCommission} inputMode="decimal" autoComplete="off" className="font-mono" />}
        </FormField>
      </div>
      <p className="-mt-2 text-xs text-muted-foreground">{t("admin.stores.fractionHint")}</p>
      <FormField id={id("limits")} name="limits" label={t("admin.stores.limits")} hint={t("admin.stores.limitsHint")} error={fieldErrors.limits}>
        {(control) => <Textarea {...control} defaultValue={store.limitsText} rows={6} spellCheck={false} className="font-mono text-xs" />}
      </FormField>
    </FormDialog>
  );
}
