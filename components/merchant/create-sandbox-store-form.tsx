"use client";

import { useState } from "react";
import { FlaskConical } from "lucide-react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";

/** "Create sandbox store": a test store whose jp_sandbox_ keys reach only the simulated trader. */
export function CreateSandboxStoreForm({ create }: { create: (name: string) => Promise<ActionResult<{ storeId: number }>> }) {
  const t = useT();
  const { run, pending } = useAction();
  const [name, setName] = useState("");
  return (
    <form
      className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => create(name), { success: t("merchant.sandbox.created"), onSuccess: () => setName("") });
      }}
    >
      <div className="grid gap-1">
        <Label htmlFor="sandbox-store-name">{t("merchant.sandbox.nameLabel")}</Label>
        <Input id="sandbox-store-name" name="name" required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <Button type="submit" disabled={pending}>
        <FlaskConical className="size-4" aria-hidden="true" />
        {t("merchant.sandbox.create")}
      </Button>
    </form>
  );
}
