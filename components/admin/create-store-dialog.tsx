"use client";

import { Plus } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/web/action";
import { useActionDialog } from "@/components/ui/use-action";

interface NewStoreForm {
  merchantUserId: number;
  name: string;
  payinCommission: string;
  payoutCommission: string;
  isSandbox: boolean;
}

/** Opens a store for one of the active merchants, with its commissions (fractions 0 ≤ x < 1). */
export function CreateStoreDialog({ merchants, action }: { merchants: { id: number; email: string; name: string | null }[]; action: (input: NewStoreForm) => Promise<ActionResult<{ message: string }>> }) {
  const t = useT();
  const { dialog, fieldErrors, submit } = useActionDialog();

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" disabled={merchants.length === 0} title={merchants.length === 0 ? t("admin.stores.noMerchants") : undefined}>
          <Plus className="size-4" aria-hidden="true" />
          {t("admin.stores.newStore")}
        </Button>
      }
      title={t("admin.stores.createTitle")}
      description={t("admin.stores.createDescription")}
      submitLabel={t("admin.stores.create")}
      onSubmit={(form) => {
        submit(() =>
          action({
            merchantUserId: Number(form.get("merchantUserId")),
            name: String(form.get("name") ?? ""),
            payinCommission: String(form.get("payinCommission") ?? ""),
            payoutCommission: String(form.get("payoutCommission") ?? ""),
            isSandbox: form.get("isSandbox") === "on",
          }),
        );
      }}
    >
      <FormField id="new-store-owner" name="merchantUserId" label={t("admin.stores.owner")} error={fieldErrors.merchantUserId}>
        {(control) => (
          <NativeSelect {...control}>
            {merchants.map((merchant) => (
              <option key={merchant.id} value={merchant.id}>
                {merchant.name ? `${merchant.name} — ${merchant.email}` : merchant.email}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <FormField id="new-store-name" name="name" label={t("admin.stores.name")} error={fieldErrors.name}>
        {(control) => <Input {...control} maxLength={120} autoComplete="off" />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="new-store-payin" name="payinCommission" label={t("admin.stores.payinCommission")} error={fieldErrors.payinCommission}>
          {(control) => <Input {...control} defaultValue="0.03" inputMode="decimal" autoComplete="off" className="font-mono" />}
        </FormField>
        <FormField id="new-store-payout" name="payoutCommission" label={t("admin.stores.payoutCommission")} error={fieldErrors.payoutCommission}>
          {(control) => <Input {...control} defaultValue="0.02" inputMode="decimal" autoComplete="off" className="font-mono" />}
        </FormField>
      </div>
      <p className="-mt-2 text-xs text-muted-foreground">{t("admin.stores.fractionHint")}</p>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="isSandbox" className="mt-0.5 size-4" />
        {t("admin.stores.sandbox")}
      </label>
    </FormDialog>
  );
}
