"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { z } from "zod";
import type { TraderActionResult } from "@/lib/web/trader-action-result";
import { useT } from "@/components/i18n/i18n-provider";
import { useFormDialog } from "@/components/cabinet/form-dialog";
import { callTraderAction, explainError } from "./explain-error";
import { useFieldErrors } from "./use-field-errors";

/**
 * A trader FormDialog's state and its server action. `submit` checks the form with the same
 * schema the server uses (instant field errors), then runs the action: on success `onDone` runs,
 * the dialog closes and the page re-reads; a refusal shows its field errors, or its code in the
 * reader's words. Opening or closing the dialog forgets old errors. Spread `dialog` onto FormDialog.
 */
export function useTraderDialog<F extends string>() {
  const t = useT();
  const router = useRouter();
  const { errors, show, fromZod, clear } = useFieldErrors<F>();
  const { dialog, close, startTransition } = useFormDialog(clear);

  function submit<T>(schema: z.ZodType, form: Record<F, string>, action: () => Promise<TraderActionResult<T>>, onDone: (value: T) => void) {
    const checked = schema.safeParse(form);
    if (!checked.success) {
      fromZod(checked.error);
      return;
    }
    clear();
    startTransition(async () => {
      const result = await callTraderAction(action());
      if (result.ok) {
        onDone(result.value);
        close();
        router.refresh();
      } else if (result.fieldErrors) {
        show(result.fieldErrors);
      } else {
        toast.error(explainError(t, result.code));
      }
    });
  }

  return { dialog, errors, submit };
}
