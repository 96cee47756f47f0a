"use client";

import { useActionState } from "react";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PendingButton } from "@/components/ui/pending-button";
import type { ActionResult } from "@/lib/web/action";

/** The server action the page passes in: its previous answer (null before the first) and the form. */
export type ForgotPasswordAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export function ForgotPasswordForm({ action: requestReset }: { action: ForgotPasswordAction }) {
  const [state, action, pending] = useActionState(requestReset, null);

  if (state?.ok) {
    // The same words whether or not the address has an account.
    return (
      <Alert role="status">
        <MailCheck aria-hidden="true" />
        <AlertTitle>Check your inbox</AlertTitle>
        <AlertDescription>
          <p>If an account exists for that address, we have sent it a link to choose a new password. The link works for one hour.</p>
          <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
            Back to sign in
          </Link>
        </AlertDescription>
      </Alert>
    );
  }

  const emailError = state?.fieldErrors?.email;
  // Field errors come with a generic message; the field's own text says it all.
  const message = state && !state.ok && !state.fieldErrors ? state.message : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      {message ? (
        <Alert variant="destructive">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
        />
        {emailError ? (
          <p id="email-error" className="text-sm text-destructive">
            {emailError}
          </p>
        ) : null}
      </div>
      <PendingButton type="submit" className="w-full" pending={pending}>
        Email me a link
      </PendingButton>
    </form>
  );
}
