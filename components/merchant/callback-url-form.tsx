"use client";

import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/web/merchant-action-result";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";

/** The store's callback URL (http or https; empty turns callbacks off). */
export function CallbackUrlForm({ storeId, url, save }: { storeId: number; url: string | null; save: (storeId: number, url: string) => Promise<ActionResult> }) {
  const t = useT();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("url") ?? "");
    startTransition(async () => {
      const result = await save(storeId, value);
      if (result.ok) {
        setError(undefined);
        toast.success(t("merchant.store.callbackUrl.saved"));
      } else setError(result.fieldErrors?.url ?? result.message ?? t("merchant.errors.generic"));
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-3" noValidate>
      <FormField id="callback-url" name="url" label={t("merchant.store.callbackUrl.label")} hint={t("merchant.store.callbackUrl.hint")} error={error}>
        {(control) => <Input {...control} type="url" inputMode="url" defaultValue={url ?? ""} placeholder="https://shop.example/jivapay/webhooks" maxLength={2048} />}
      </FormField>
      <PendingButton type="submit" className="w-fit" pending={pending}>
        {t("merchant.store.callbackUrl.save")}
      </PendingButton>
    </form>
  );
}
