"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { Switch } from "@/components/ui/switch";
import { useAction } from "@/components/ui/use-action";

/** The teamlead page's server action: switches one trader of the team. */
export type SetTrafficAction = (input: { traderId: number; enabled: boolean }) => Promise<ActionResult<{ changed: boolean }>>;

/**
 * A trader's traffic switch. It flips at once (optimistic) and flips back if the server
 * refuses; the result is announced by a toast and the page's numbers are re-read. `disabled`
 * shows the state read-only (a teamlead without team.traffic; the action refuses them too).
 */
export function TrafficSwitch({ traderId, name, enabled, disabled = false, action }: { traderId: number; name: string; enabled: boolean; disabled?: boolean; action: SetTrafficAction }) {
  const t = useT();
  const router = useRouter();
  const { run, pending } = useAction();
  const [checked, setChecked] = useState(enabled);
  const [shown, setShown] = useState(enabled);
  // A new value from the server (after a refresh, or another teamlead tab) wins over local state.
  if (shown !== enabled) {
    setShown(enabled);
    setChecked(enabled);
  }

  const change = (next: boolean) =>
    run(() => action({ traderId, enabled: next }), {
      success: t(next ? "teamlead.traffic.enabled" : "teamlead.traffic.disabled", { name }),
      onSuccess: () => router.refresh(),
      onFailure: (_failure, text) => {
        setChecked(!next);
        toast.error(text);
      },
    });

  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <Switch
        checked={checked}
        disabled={disabled || pending}
        aria-label={t("teamlead.traffic.label", { name })}
        onCheckedChange={(next) => {
          setChecked(next);
          change(next);
        }}
      />
      <span aria-hidden="true" className={checked ? "font-medium" : "text-muted-foreground"}>
        {t(checked ? "teamlead.traffic.on" : "teamlead.traffic.off")}
      </span>
    </label>
  );
}
