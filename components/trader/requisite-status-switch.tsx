"use client";

import { useOptimistic } from "react";
import { useRouter } from "next/navigation";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import { useT } from "@/components/i18n/i18n-provider";
import { Switch } from "@/components/ui/switch";
import { useAction } from "@/components/ui/use-action";
import type { RequisiteActions } from "./trader-actions";

/**
 * On/off for one requisite. The switch moves at once (optimistic) and moves back if the server
 * refuses. A requisite the platform blocked gets no switch (the table shows why it is blocked);
 * the server refuses to switch it anyway.
 */
export function RequisiteStatusSwitch({ requisiteId, status, label, setStatus }: { requisiteId: number; status: RequisiteStatus; label: string; setStatus: RequisiteActions["setStatus"] }) {
  const t = useT();
  const router = useRouter();
  const { run, pending } = useAction();
  const [active, setOptimisticActive] = useOptimistic(status === "active");

  const toggle = (next: boolean) =>
    run(
      async () => {
        setOptimisticActive(next);
        return setStatus(requisiteId, next);
      },
      {
        success: next ? t("trader.requisites.switchedOn", { name: label }) : t("trader.requisites.switchedOff", { name: label }),
        onSettled: () => router.refresh(),
      },
    );

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
