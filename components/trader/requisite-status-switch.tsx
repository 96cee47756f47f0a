"use client";

import { useOptimistic, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { setRequisiteStatusAction } from "@/app/(cabinet)/trader/requisites/actions";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import { useT } from "@/components/i18n/i18n-provider";
import { Switch } from "@/components/ui/switch";
import { callTraderAction, explainError } from "./explain-error";

/**
 * On/off for one requisite. The switch moves at once (optimistic) and moves back if the server
 * refuses. A requisite the platform blocked gets no switch (the table shows why it is blocked);
 * the server refuses to switch it anyway.
 */
export function RequisiteStatusSwitch({ requisiteId, status, label }: { requisiteId: number; status: RequisiteStatus; label: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [active, setOptimisticActive] = useOptimistic(status === "active");

  const toggle = (next: boolean) =>
    startTransition(async () => {
      setOptimisticActive(next);
      const result = await callTraderAction(setRequisiteStatusAction(requisiteId, next));
      if (result.ok) toast.success(next ? t("trader.requisites.switchedOn", { name: label }) : t("trader.requisites.switchedOff", { name: label }));
      else toast.error(explainError(t, result.code));
      router.refresh();
    });

  return (
    <Switch
      checked={active}
      onCheckedChange={toggle}
      disabled={status === "blocked" || pending}
      aria-label={t("trader.requisites.switchLabel", { name: label })}
      data-testid={`requisite-switch-${requisiteId}`}
    />
  );
}
