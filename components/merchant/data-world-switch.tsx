"use client";

import type { ActionResult } from "@/lib/web/action";
import type { DataWorld } from "@/lib/sandbox/data-world";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/**
 * The merchant cabinet's live/sandbox switch: which stores the dashboard, orders and balances
 * show. Live and sandbox numbers never mix; a banner says when sandbox (test money) is shown.
 */
export function DataWorldSwitch({ world, save }: { world: DataWorld; save: (world: DataWorld) => Promise<ActionResult> }) {
  const t = useT();
  const { run, pending } = useAction();
  const option = (value: DataWorld) => (
    <Button
      type="button"
      size="sm"
      variant={world === value ? "default" : "ghost"}
      aria-pressed={world === value}
      disabled={pending}
      onClick={() => world !== value && run(() => save(value))}
    >
      {t(value === "live" ? "merchant.sandbox.live" : "merchant.sandbox.sandbox")}
    </Button>
  );
  return (
    <div className="mb-6 grid gap-2">
      <div role="group" aria-label={t("merchant.sandbox.switchLabel")} className="flex w-fit gap-1 rounded-md border p-1">
        {option("live")}
        {option("sandbox")}
      </div>
      {world === "sandbox" && (
        <p role="status" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-warning">
          {t("merchant.sandbox.banner")}
        </p>
      )}
    </div>
  );
}
