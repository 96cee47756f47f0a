"use client";

import { useOptimistic } from "react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useAction } from "@/components/ui/use-action";

/** The daily summary email opt-in, saved as soon as it is switched. */
export function DailySummarySwitch({ enabled, save }: { enabled: boolean; save: (enabled: boolean) => Promise<ActionResult> }) {
  const t = useT();
  const { run, pending } = useAction();
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
          run(
            async () => {
              setShown(next);
              return save(next);
            },
            { success: next ? t("merchant.stores.dailySummary.on") : t("merchant.stores.dailySummary.off") },
          )
        }
      />
    </div>
  );
}
