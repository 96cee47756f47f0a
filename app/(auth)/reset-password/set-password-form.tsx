"use client";

import { useActionState } from "react";
import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-schema";
import type { SetPasswordResult } from "@/lib/auth/set-password-action";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PendingButton } from "@/components/ui/pending-button";

export type SetPasswordState = { status: "idle" } | SetPasswordResult;

export type SetPasswordAction = (previous: SetPasswordState, formData: FormData) => Promise<SetPasswordState>;

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {messages[0]}
    </p>
  );
}

/** New password + confirmation, for a reset link and for an invitation (the action decides which). */
export function SetPasswordForm({ token, email, action, submitLabel, doneTitle }: { token: string; email: string; action: SetPasswordAction; submitLabel: string; doneTitle: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });

  if (state.status === "done") {
    return (
      <Alert role="status">
        <CheckCircle2 aria-hidden="true" />
        <AlertTitle>{doneTitle}</AlertTitle>
        <AlertDescription>
          <p>Sign in with your email and the new password.</p>
          <Link href="/login" className={buttonVariants({ size: "sm" })}>
            Sign in
          </Link>
        </AlertDescription>
      </Alert>
    );
  }

  const errors = state.status === "error" ? state : undefined;
  const message = errors?.message ?? errors?.fieldErrors?.token?.[0];
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      {message ? (
        <Alert variant="destructive">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <div className="grid gap-2">
        <Label htmlFor="password">New password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          autoFocus
          aria-invalid={errors?.fieldErrors?.password ? true : undefined}
          aria-describedby="password-hint password-error"
        />
        <p id="password-hint" className="text-xs text-muted-foreground">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
        <FieldError id="password-error" messages={errors?.fieldErrors?.password} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="confirmPassword">Repeat the password</Label>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors?.fieldErrors?.confirmPassword ? true : undefined}
          aria-describedby="confirmPassword-error"
        />
        <FieldError id="confirmPassword-error" messages={errors?.fieldErrors?.confirmPassword} />
      </div>
      <PendingButton type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </PendingButton>
    </form>
  );
}
