"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "./action-result";

/**
 * Runs an admin server action from a form or switch: pending state while it runs, a toast
 * with the outcome, and the field errors of a refusal for the form to show. `onDone` runs
 * after a success (e.g. to close a dialog), `onSettled` after either outcome.
 */
export function useAdminAction() {
  const t = useT();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function run(action: () => Promise<ActionResult>, onDone?: () => void, onSettled?: () => void) {
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await action();
      } catch {
        toast.error(t("errors.network"));
        onSettled?.();
        return;
      }
      onSettled?.();
      if (result.ok) {
        setFieldErrors({});
        toast.success(result.message);
        onDone?.();
      } else {
        setFieldErrors(result.fieldErrors);
        toast.error(result.message);
      }
    });
  }

  return { run, pending, fieldErrors, setFieldErrors };
}
