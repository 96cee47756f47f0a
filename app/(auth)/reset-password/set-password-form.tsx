"use client";

import { useActionState } from "react";
import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-schema";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PendingButton } from "@/components/ui/pending-button";
import type { ActionResult } from "@/lib/web/action";

/** The page's server action (reset link or invitation): its previous answer (null before the first) and the form. */
export type SetPasswordAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {message}
    </p>
  );
}

/** New password + confirmation, for a reset link and for an invitation (the action decides which). */
export function SetPasswordForm({ token, email, action, submitLabel, doneTitle }: { token: string; email: string; action: SetPasswordAction; submitLabel: string; doneTitle: string }) {
  const [state, formAction, pending] = useActionState(action, null);

  if (state?.ok) {
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

  const fieldErrors = state?.fieldErrors;
  // A dead link is the token's error; other field errors show at their fields (the generic message would only repeat them).
  const message = fieldErrors?.token ?? (state && !state.ok && !fieldErrors ? state.message : undefined);
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
          aria-invalid={fieldErrors?.password ? true : undefined}
          aria-describedby="password-hint password-error"
        />
        <p id="password-hint" className="text-xs text-muted-foreground">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
        <FieldError id="password-error" message={fieldErrors?.password} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="confirmPassword">Repeat the password</Label>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={fieldErrors?.confirmPassword ? true : undefined}
          aria-describedby="confirmPassword-error"
        />
        <FieldError id="confirmPassword-error" message={fieldErrors?.confirmPassword} />
      </div>
      <PendingButton type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </PendingButton>
    </form>
  );
}
