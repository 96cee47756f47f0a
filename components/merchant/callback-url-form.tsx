"use client";

import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";

/** The store's callback URL (http or https; empty turns callbacks off). */
export function CallbackUrlForm({ storeId, url, save }: { storeId: number; url: string | null; save: (storeId: number, url: string) => Promise<ActionResult> }) {
  const t = useT();
  const { run, pending } = useAction();
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("url") ?? "");
    run(() => save(storeId, value), {
      success: t("merchant.store.callbackUrl.saved"),
      onSuccess: () => setError(undefined),
      // Every refusal shows under the field: the URL is all this form has.
      onFailure: (failure, text) => setError(failure.fieldErrors?.url ?? text),
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
