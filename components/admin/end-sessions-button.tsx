"use client";

import { LogOut, ShieldOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/web/action";

/**
 * Signs a user out everywhere, or (icon "two-factor") resets their two-factor sign-in, which
 * ends their sessions too: an admin's actions on /admin/users; the answer's message is toasted.
 */
export function EndSessionsButton({ label, action, icon = "sign-out" }: { label: string; action: () => Promise<ActionResult<{ message: string }>>; icon?: "sign-out" | "two-factor" }) {
  const { run, pending } = useAction();
  const Icon = icon === "two-factor" ? ShieldOff : LogOut;
  return (
    <Button type="button" variant="ghost" size="icon" aria-label={label} title={label} disabled={pending} onClick={() => run(action)}>
      <Icon className="size-4" aria-hidden="true" />
    </Button>
  );
}
