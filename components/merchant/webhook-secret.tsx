"use client";

import { useState } from "react";
import { KeyRound } from "lucide-react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { DateTime } from "@/components/cabinet/date-time";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";
import { SecretOnce } from "./secret-once";

/** The webhook secret, masked, and "Rotate" (confirm first; the new secret is shown once). */
export function WebhookSecret({
  storeId,
  masked,
  rotatedAt,
  rotate,
}: {
  storeId: number;
  masked: string;
  rotatedAt: Date | null;
  rotate: (storeId: number) => Promise<ActionResult<{ secret: string }>>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string>();
  const { run, pending } = useAction();

  function confirm() {
    run(() => rotate(storeId), { success: t("merchant.store.webhookSecret.rotated"), onSuccess: (result) => setSecret(result.secret) });
  }

  return (
    <div className="grid gap-3">
      <dl className="grid gap-1 text-sm">
        <dt className="text-xs text-muted-foreground">{t("merchant.store.webhookSecret.current")}</dt>
        <dd className="break-all font-mono text-xs" data-testid="masked-webhook-secret">
          {masked}
        </dd>
        {rotatedAt ? (
          <dd className="text-xs text-muted-foreground">
            {t("merchant.store.webhookSecret.rotatedAt")} <DateTime value={rotatedAt} />
          </dd>
        ) : null}
      </dl>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setSecret(undefined);
        }}
      >
        <DialogTrigger asChild>
          <Button type="button" variant="outline" className="w-fit">
            <KeyRound className="size-4" aria-hidden="true" />
            {t("merchant.store.webhookSecret.rotate")}
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={t("common.close")}>
          <DialogHeader>
            <DialogTitle>{t("merchant.store.webhookSecret.rotateTitle")}</DialogTitle>
            <DialogDescription>{t("merchant.store.webhookSecret.rotateText")}</DialogDescription>
          </DialogHeader>
          {secret ? (
            <SecretOnce label={t("merchant.store.webhookSecret.new")} value={secret} />
          ) : (
            <DialogFooter>
              <PendingButton type="button" onClick={confirm} pending={pending}>
                {t("merchant.store.webhookSecret.confirmRotate")}
              </PendingButton>
            </DialogFooter>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
