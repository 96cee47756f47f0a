"use client";

import type { FormEvent, ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { PendingButton } from "@/components/ui/pending-button";
import { useT } from "@/components/i18n/i18n-provider";

/** What the dialog's owner keeps: whether it is open, and whether its action is running. */
export interface FormDialogState {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending: boolean;
}

/**
 * A dialog around one form, as the cabinets' edit and confirm dialogs are: the trigger, a
 * title and description, the fields, and a footer with the submit button (a spinner while
 * `pending`) and, with `cancelLabel`, a Cancel. The owner keeps `open` (to close it after a
 * success; see useActionDialog in components/ui/use-action.ts) and runs the submit. While the action runs
 * the dialog cannot be closed, so its answer never lands in a closed dialog.
 */
export function FormDialog({
  open,
  onOpenChange,
  pending,
  trigger,
  title,
  description,
  descriptionClassName,
  className,
  intro,
  onSubmit,
  submitLabel,
  submitVariant,
  cancelLabel,
  actions,
  children,
}: FormDialogState & {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  descriptionClassName?: string;
  /** Of the dialog's content box, e.g. a wider max-w-2xl. */
  className?: string;
  /** Shown between the header and the form, e.g. the balances a deposit changes. */
  intro?: ReactNode;
  /** The form's fields, after the browser's own submit was prevented. */
  onSubmit?: (form: FormData) => void;
  submitLabel?: ReactNode;
  submitVariant?: ButtonProps["variant"];
  cancelLabel?: string;
  /** In place of the submit button: buttons that each run their own action (approve / reject). */
  actions?: ReactNode;
  /** The fields; none for a dialog that only confirms. */
  children?: ReactNode;
}) {
  const t = useT();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit?.(new FormData(event.currentTarget));
  };
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className={className}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription className={descriptionClassName}>{description}</DialogDescription> : null}
        </DialogHeader>
        {intro}
        <form noValidate className="grid gap-4" onSubmit={submit}>
          {children}
          <DialogFooter>
            {cancelLabel ? (
              <DialogClose asChild>
                <Button type="button" variant="outline" disabled={pending}>
                  {cancelLabel}
                </Button>
              </DialogClose>
            ) : null}
            {actions ?? (
              <PendingButton type="submit" variant={submitVariant} pending={pending}>
                {submitLabel}
              </PendingButton>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
