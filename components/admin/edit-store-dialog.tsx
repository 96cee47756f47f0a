"use client";

import { useState } from "react";
import { Loader2, Pencil } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "./action-result";
import { FormField } from "./form-field";
import { useAdminAction } from "./use-admin-action";

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
  action: (input: StoreForm) => Promise<ActionResult>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { run, pending, fieldErrors, setFieldErrors } = useAdminAction();
  const id = (field: string) => `store-${store.id}-${field}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFieldErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.stores.editStore", { name: store.name })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("admin.common.edit")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("admin.stores.editTitle")}</DialogTitle>
          <DialogDescription>{store.name}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const input: StoreForm = {
              storeId: store.id,
              payinCommission: String(form.get("payinCommission") ?? ""),
              payoutCommission: String(form.get("payoutCommission") ?? ""),
              limits: String(form.get("limits") ?? ""),
            };
            run(() => action(input), () => setOpen(false));
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
          <DialogFooter>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("admin.common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
