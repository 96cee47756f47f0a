"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { setTraderTrafficAction } from "@/app/(cabinet)/teamlead/actions";
import { useT } from "@/components/i18n/i18n-provider";
import { Switch } from "@/components/ui/switch";

/**
 * A trader's traffic switch. It flips at once (optimistic) and flips back if the server
 * refuses; the result is announced by a toast and the page's numbers are re-read. `disabled`
 * shows the state read-only (a teamlead without team.traffic; the action refuses them too).
 */
export function TrafficSwitch({ traderId, name, enabled, disabled = false }: { traderId: number; name: string; enabled: boolean; disabled?: boolean }) {
  const t = useT();
  const router = useRouter();
  const [checked, setChecked] = useState(enabled);
  const [shown, setShown] = useState(enabled);
  // A new value from the server (after a refresh, or another teamlead tab) wins over local state.
  if (shown !== enabled) {
    setShown(enabled);
    setChecked(enabled);
  }

  const mutation = useMutation({
    mutationFn: (next: boolean) => setTraderTrafficAction({ traderId, enabled: next }),
    onSuccess: (result, next) => {
      if (result.ok) {
        toast.success(t(next ? "teamlead.traffic.enabled" : "teamlead.traffic.disabled", { name }));
        router.refresh();
        return;
      }
      setChecked(!next);
      toast.error(t(result.error === "notInTeam" ? "teamlead.traffic.notInTeam" : "teamlead.traffic.failed"));
    },
    onError: (_error, next) => {
      setChecked(!next);
      toast.error(t("errors.network"));
    },
  });

  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <Switch
        checked={checked}
        disabled={disabled || mutation.isPending}
        aria-label={t("teamlead.traffic.label", { name })}
        onCheckedChange={(next) => {
          setChecked(next);
          mutation.mutate(next);
        }}
      />
      <span aria-hidden="true" className={checked ? "font-medium" : "text-muted-foreground"}>
        {t(checked ? "teamlead.traffic.on" : "teamlead.traffic.off")}
      </span>
    </label>
  );
}
