"use client";

import { useState } from "react";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/web/action";
import { useAction } from "@/components/ui/use-action";

/**
 * An on/off switch that saves at once through a server action: it flips immediately, and
 * falls back to the stored state if the action refuses (the page re-renders with the truth
 * after a success).
 */
export function ActionSwitch({
  checked,
  label,
  action,
  disabled,
  title,
}: {
  checked: boolean;
  /** Accessible name, e.g. "Active: merchant@jivapay.dev". */
  label: string;
  action: (next: boolean) => Promise<ActionResult<{ message: string }>>;
  disabled?: boolean;
  /** Why it is disabled, shown on hover. */
  title?: string;
}) {
  const { run, pending } = useAction();
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  return (
    <Switch
      aria-label={label}
      title={title}
      checked={optimistic ?? checked}
      disabled={disabled || pending}
      onCheckedChange={(next) => {
        setOptimistic(next);
        run(() => action(next), { onSettled: () => setOptimistic(null) });
      }}
    />
  );
}
