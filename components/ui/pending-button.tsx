import type { ReactNode } from "react";
import { Loader2 } from "lucide-react";
import { Button, type ButtonProps } from "./button";

/**
 * A button whose action runs on the server: while `pending` it is disabled (no double submit),
 * shows a spinner in place of its `icon` and tells screen readers it is busy.
 */
export function PendingButton({ pending, icon, disabled, children, ...props }: ButtonProps & { pending: boolean; icon?: ReactNode }) {
  return (
    <Button disabled={pending || disabled} aria-busy={pending} {...props}>
      {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : (icon ?? null)}
      {children}
    </Button>
  );
}
