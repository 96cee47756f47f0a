import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";

/**
 * A labelled form control with its hint and error text. The control itself gets `id`,
 * `aria-invalid` and `aria-describedby={describedBy(id)}` from the caller.
 */
export function FormField({ id, label, hint, error, children, className }: { id: string; label: string; hint?: string; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `grid content-start gap-2 ${className}` : "grid content-start gap-2"}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby of a FormField's control: its hint and error, when present. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}
