"use client";

import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/web/merchant-action-result";
import { useT } from "@/components/i18n/i18n-provider";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { refusalMessage } from "./action-feedback";

/** The daily summary email opt-in, saved as soon as it is switched. */
export function DailySummarySwitch({ enabled, save }: { enabled: boolean; save: (enabled: boolean) => Promise<ActionResult> }) {
  const t = useT();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(enabled);
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="grid gap-1">
        <Label htmlFor="daily-summary">{t("merchant.stores.dailySummary.label")}</Label>
        <p id="daily-summary-hint" className="text-sm text-muted-foreground">
          {t("merchant.stores.dailySummary.hint")}
        </p>
      </div>
      <Switch
        id="daily-summary"
        checked={shown}
        disabled={pending}
        aria-describedby="daily-summary-hint"
        onCheckedChange={(next) =>
          startTransition(async () => {
            setShown(next);
            const result = await save(next);
            if (result.ok) toast.success(next ? t("merchant.stores.dailySummary.on") : t("merchant.stores.dailySummary.off"));
            else toast.error(refusalMessage(result, t));
          })
        }
      />
    </div>
  );
}
