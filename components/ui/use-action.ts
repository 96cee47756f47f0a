"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionFailure, ActionResult } from "@/lib/web/action";
import type { FormDialogState } from "@/components/cabinet/form-dialog";
import { useT } from "@/components/i18n/i18n-provider";

type Success<T extends object> = { ok: true } & T;

export interface RunOptions<T extends object> {
  /** The success toast; by default the answer's own `message`, when it carries one (the staff cabinets' actions do). */
  success?: string | ((result: Success<T>) => string | undefined);
  /** After a success, e.g. to reset the form. */
  onSuccess?: (result: Success<T>) => void;
  /** The fields this form shows errors next to: a refusal about one of them is shown there only, not toasted too. */
  fields?: readonly string[];
  /**
   * Shows any other refusal (also a request lost on the way) instead of the default toast;
   * `text` is its message, else its first field error.
   */
  onFailure?: (failure: ActionFailure, text: string) => void;
  /** After either answer. */
  onSettled?: (ok: boolean) => void;
}

/**
 * Runs server actions (each answers an ActionResult, lib/web/action.ts) from a form, switch or
 * button: `pending` while one runs; a success toasts (see `success`), a refusal's field errors
 * land in `fieldErrors` for the form and anything else is toasted; a request that fails on the
 * way (offline, server gone) counts as a refusal saying so. The form can set field errors of
 * its own (a check before sending) with `setFieldErrors`.
 */
export function useAction() {
  const t = useT();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function run<T extends object>(call: () => Promise<ActionResult<T>>, options: RunOptions<T> = {}) {
    startTransition(async () => {
      const result = await call().catch((): ActionFailure => ({ ok: false, message: t("errors.network") }));
      options.onSettled?.(result.ok);
      if (result.ok) {
        setFieldErrors({});
        const message = typeof options.success === "function" ? options.success(result) : (options.success ?? messageOf(result));
        if (message) toast.success(message);
        options.onSuccess?.(result);
        return;
      }
      const errors = result.fieldErrors ?? {};
      setFieldErrors(errors);
      if (options.fields?.some((field) => errors[field])) return;
      const text = result.message ?? Object.values(errors)[0] ?? t("errors.unknown");
      if (options.onFailure) options.onFailure(result, text);
      else toast.error(text);
    });
  }

  return { run, pending, fieldErrors, setFieldErrors };
}

function messageOf(result: object): string | undefined {
  return "message" in result && typeof result.message === "string" ? result.message : undefined;
}

/**
 * A FormDialog and its server action: `submit` runs it as useAction's `run` does and closes the
 * dialog after a success; opening or closing forgets old field errors (and runs `onOpenChange`,
 * e.g. to forget a message of the form's own). Spread `dialog` onto FormDialog.
 */
export function useActionDialog(onOpenChange?: (open: boolean) => void) {
  const [open, setOpen] = useState(false);
  const { run, pending, fieldErrors, setFieldErrors } = useAction();
  const close = () => setOpen(false);
  const dialog: FormDialogState = {
    open,
    pending,
    onOpenChange: (next) => {
      setOpen(next);
      setFieldErrors({});
      onOpenChange?.(next);
    },
  };
  function submit<T extends object>(call: () => Promise<ActionResult<T>>, options: RunOptions<T> = {}) {
    run(call, {
      ...options,
      onSuccess: (result) => {
        close();
        options.onSuccess?.(result);
      },
    });
  }
  return { dialog, close, submit, fieldErrors, setFieldErrors };
}
