"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { loginErrorKey } from "@/lib/auth/login-errors";
import { useT } from "@/components/i18n/i18n-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PendingButton } from "@/components/ui/pending-button";

export function LoginForm() {
  const router = useRouter();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Set once the server answered otp_required: the form then asks for the code and sends the
  // email and password again with it (nothing is kept server-side between the two steps).
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        ...(needsCode ? { otp: String(form.get("otp") ?? "") } : {}),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        if (result?.error === "otp_required" && !needsCode) {
          setNeedsCode(true);
          setPending(false);
          return;
        }
        setError(t(loginErrorKey(result?.error)));
        setPending(false);
        return;
      }
      // "/" sends each role to its own cabinet; refresh drops any cached signed-out render.
      router.replace("/");
      router.refresh();
    } catch {
      setError(t("errors.network"));
      setPending(false);
    }
  }

  return (
    // method="post" keeps credentials out of the URL if the form is submitted before hydration.
    <form method="post" onSubmit={onSubmit} className="grid gap-4" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <Alert variant="destructive" id="login-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="email">{t("auth.email")}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" inputMode="email" required autoFocus />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">{t("auth.password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {needsCode ? (
        <div className="grid gap-2">
          <Label htmlFor="otp">{t("auth.otp")}</Label>
          <Input id="otp" name="otp" autoComplete="one-time-code" inputMode="text" required autoFocus aria-describedby="otp-hint" maxLength={32} />
          <p id="otp-hint" className="text-xs text-muted-foreground">
            {t("auth.otpHint")}
          </p>
        </div>
      ) : null}
      <PendingButton type="submit" className="w-full" pending={pending}>
        {t("auth.signIn")}
      </PendingButton>
    </form>
  );
}
