"use client";

import { useActionState } from "react";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PendingButton } from "@/components/ui/pending-button";
import { requestPasswordResetAction } from "./actions";

export type ForgotPasswordState =
  | { status: "idle" }
  | { status: "sent" }
  | { status: "error"; message?: string; fieldErrors?: { email?: string[] } };

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetAction, { status: "idle" });

  if (state.status === "sent") {
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

  const emailError = state.status === "error" ? state.fieldErrors?.email?.[0] : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.status === "error" && state.message ? (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
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
