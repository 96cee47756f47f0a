"use client";

import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Loader2 } from "lucide-react";
import type { ActionResult } from "@/lib/cabinet/merchant/action-result";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "./field-error";

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
      <div className="grid gap-2">
        <Label htmlFor="callback-url">{t("merchant.store.callbackUrl.label")}</Label>
        <Input
          id="callback-url"
          name="url"
          type="url"
          inputMode="url"
          defaultValue={url ?? ""}
          placeholder="https://shop.example/jivapay/webhooks"
          maxLength={2048}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "callback-url-hint callback-url-error" : "callback-url-hint"}
        />
        <p id="callback-url-hint" className="text-xs text-muted-foreground">
          {t("merchant.store.callbackUrl.hint")}
        </p>
        <FieldError id="callback-url-error" message={error} />
      </div>
      <Button type="submit" className="w-fit" disabled={pending} aria-busy={pending}>
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
        {t("merchant.store.callbackUrl.save")}
      </Button>
    </form>
  );
}
