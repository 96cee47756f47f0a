"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";

const FIELDS = ["currentPassword", "password", "confirmPassword"] as const;

/** The current password and the new one twice; a success ends every session, so it signs this browser out too. */
export function ChangePasswordForm({ action }: { action: (input: Record<(typeof FIELDS)[number], string>) => Promise<ActionResult<{ message: string }>> }) {
  const t = useT();
  const { run, pending, fieldErrors } = useAction();
  const [signingOut, setSigningOut] = useState(false);
  const labels = { currentPassword: "account.security.password.current", password: "account.security.password.new", confirmPassword: "account.security.password.confirm" } as const;
  const autoComplete = { currentPassword: "current-password", password: "new-password", confirmPassword: "new-password" } as const;
  return (
    <form
      className="grid gap-4 sm:max-w-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const input = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")])) as Record<(typeof FIELDS)[number], string>;
        run(() => action(input), {
          fields: FIELDS,
          onSuccess: () => {
            setSigningOut(true);
            void signOut({ callbackUrl: "/login" });
          },
        });
      }}
    >
      {FIELDS.map((field) => (
        <FormField key={field} id={`password-${field}`} name={field} label={t(labels[field])} error={fieldErrors[field]}>
          {(control) => <Input {...control} type="password" autoComplete={autoComplete[field]} required maxLength={200} />}
        </FormField>
      ))}
      <PendingButton type="submit" pending={pending || signingOut} className="justify-self-start">
        {t("account.security.password.submit")}
      </PendingButton>
    </form>
  );
}
