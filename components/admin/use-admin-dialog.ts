"use client";

import { useState } from "react";
import type { FormDialogState } from "@/components/cabinet/form-dialog";
import type { AdminAction } from "./action-result";
import { useAdminAction } from "./use-admin-action";

/**
 * An admin FormDialog's state and its server action: `submit` runs the action (toast with the
 * outcome, the refusal's field errors shown) and closes the dialog after a success; closing it
 * forgets the field errors. Spread `dialog` onto FormDialog.
 */
export function useAdminDialog(): { dialog: FormDialogState; fieldErrors: Record<string, string>; submit: (action: AdminAction) => void } {
  const [open, setOpen] = useState(false);
  const { run, pending, fieldErrors, setFieldErrors } = useAdminAction();
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setFieldErrors({});
  };
  return { dialog: { open, onOpenChange, pending }, fieldErrors, submit: (action) => run(action, () => setOpen(false)) };
}
