"use client";

import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/web/action";

/** Signs a user out everywhere (an admin's action on /admin/users); the answer's message is toasted. */
export function EndSessionsButton({ label, action }: { label: string; action: () => Promise<ActionResult<{ message: string }>> }) {
  const { run, pending } = useAction();
  return (
    <Button type="button" variant="ghost" size="icon" aria-label={label} title={label} disabled={pending} onClick={() => run(action)}>
      <LogOut className="size-4" aria-hidden="true" />
    </Button>
  );
}
