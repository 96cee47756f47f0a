"use client";

import { useEffect, useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/components/i18n/i18n-provider";

/**
 * Copies `value` to the clipboard and says so where the customer is looking ("Copied" on the
 * button itself, and to screen readers through a polite live region). `label` names what is
 * copied ("Card number") for the button's accessible name.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="outline" className="h-11 min-w-28" onClick={copy} aria-label={t("pay.copyWhat", { what: label })}>
        {state === "copied" ? <Check className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
        <span aria-hidden="true">{state === "copied" ? t("pay.copied") : t("pay.copy")}</span>
      </Button>
      <span role="status" aria-live="polite" className={state === "failed" ? "text-xs text-destructive" : "sr-only"}>
        {state === "copied" ? t("pay.copied") : state === "failed" ? t("pay.copyFailed") : ""}
      </span>
    </div>
  );
}
