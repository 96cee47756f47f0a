"use client";

import { useState, type FormEvent } from "react";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import type { EnrolmentStart, TwoFactorStatus } from "@/lib/auth/two-factor";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";

interface TwoFactorActions {
  start: () => Promise<ActionResult<EnrolmentStart>>;
  confirm: (input: { code: string }) => Promise<ActionResult<{ recoveryCodes: string[] }>>;
  disable: (input: { code: string }) => Promise<ActionResult<{ message: string }>>;
}

/**
 * Two-factor sign-in on the security page: off → "set up" (QR code, secret, setup link, first
 * code) → the recovery codes, shown once, then "sign in again" (enabling ended every session,
 * this one too). On: the codes left and, where the role allows, turning it off with a code.
 */
export function TwoFactorSettings({ status, actions }: { status: TwoFactorStatus; actions: TwoFactorActions }) {
  const t = useT();
  const { run, pending, fieldErrors } = useAction();
  const [enrolment, setEnrolment] = useState<EnrolmentStart | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  const signInAgain = () => {
    setSigningOut(true);
    void signOut({ callbackUrl: "/login" });
  };
  const codeOf = (event: FormEvent<HTMLFormElement>) => ({ code: String(new FormData(event.currentTarget).get("code") ?? "") });

  if (recoveryCodes) {
    return (
      <div className="grid gap-4">
        <h3 className="font-medium">{t("account.security.twoFactor.codesTitle")}</h3>
        <p className="text-sm text-muted-foreground">{t("account.security.twoFactor.codesHint")}</p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md border bg-muted/40 p-3 font-mono text-sm">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="outline"
            onClick={() => void navigator.clipboard.writeText(recoveryCodes.join("\n")).then(() => toast.success(t("account.security.twoFactor.copied")))}
          >
            {t("account.security.twoFactor.copy")}
          </Button>
          <PendingButton type="button" pending={signingOut} onClick={signInAgain}>
            {t("account.security.twoFactor.signInAgain")}
          </PendingButton>
        </div>
        <p className="text-xs text-muted-foreground">{t("account.security.twoFactor.signInAgainHint")}</p>
      </div>
    );
  }

  if (status.enabled) {
    return (
      <div className="grid gap-4">
        <p className="text-sm" data-testid="two-factor-state">
          {t("account.security.twoFactor.enabled")} {t("account.security.twoFactor.recoveryCodesLeft", { count: status.recoveryCodesLeft })}
        </p>
        {status.required ? (
          <p className="text-sm text-muted-foreground">{t("account.security.twoFactor.required")}</p>
        ) : (
          <form
            className="grid gap-3 sm:max-w-sm"
            onSubmit={(event) => {
              event.preventDefault();
              const input = codeOf(event);
              run(() => actions.disable(input), { fields: ["code"], onSuccess: signInAgain });
            }}
          >
            <h3 className="font-medium">{t("account.security.twoFactor.disableTitle")}</h3>
            <FormField id="disable-code" name="code" label={t("account.security.twoFactor.disableCode")} error={fieldErrors.code}>
              {(control) => <Input {...control} autoComplete="one-time-code" required maxLength={32} />}
            </FormField>
            <PendingButton type="submit" variant="outline" pending={pending || signingOut} className="justify-self-start">
              {t("account.security.twoFactor.disable")}
            </PendingButton>
          </form>
        )}
      </div>
    );
  }

  if (enrolment) {
    return (
      <form
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const input = codeOf(event);
          run(() => actions.confirm(input), { fields: ["code"], onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) });
        }}
      >
        <p className="text-sm text-muted-foreground">{t("account.security.twoFactor.scan")}</p>
        {/* A data: URL (the CSP allows data: images); next/image adds nothing for it. */}
        <img src={enrolment.qrDataUrl} alt={t("account.security.twoFactor.qrAlt")} width={220} height={220} className="rounded-md border bg-white" />
        <dl className="grid gap-2 text-sm">
          <dt className="text-muted-foreground">{t("account.security.twoFactor.secret")}</dt>
          <dd className="break-all font-mono" data-testid="totp-secret">
            {enrolment.secret}
          </dd>
          <dt className="text-muted-foreground">{t("account.security.twoFactor.uri")}</dt>
          <dd className="break-all font-mono text-xs" data-testid="totp-uri">
            {enrolment.uri}
          </dd>
        </dl>
        <FormField id="enrol-code" name="code" label={t("account.security.twoFactor.code")} error={fieldErrors.code}>
          {(control) => <Input {...control} autoComplete="one-time-code" inputMode="numeric" pattern="[0-9 ]*" required maxLength={7} className="sm:max-w-40" />}
        </FormField>
        <PendingButton type="submit" pending={pending} className="justify-self-start">
          {t("account.security.twoFactor.confirm")}
        </PendingButton>
      </form>
    );
  }

  return (
    <div className="grid gap-4">
      <p className="text-sm" data-testid="two-factor-state">
        {t("account.security.twoFactor.disabled")} {status.required ? t("account.security.twoFactor.required") : null}
      </p>
      <PendingButton type="button" pending={pending} className="justify-self-start" onClick={() => run(() => actions.start(), { onSuccess: (result) => setEnrolment(result) })}>
        {t("account.security.twoFactor.start")}
      </PendingButton>
    </div>
  );
}
