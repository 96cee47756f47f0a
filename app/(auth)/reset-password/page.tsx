import type { Metadata } from "next";
import Link from "next/link";
import { peekToken } from "@/lib/auth/tokens";
import { INVALID_LINK_MESSAGE } from "@/lib/auth/password-reset";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { resetPasswordAction } from "./actions";
import { SetPasswordForm } from "./set-password-form";

// The token is in the URL: never send it on to another site as a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const tokenValue = typeof token === "string" ? token : "";
  const user = tokenValue ? await peekToken(tokenValue, "reset") : null;

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold leading-none tracking-tight">Choose a new password</h1>
        {user?.isActive ? <CardDescription>For {user.email}.</CardDescription> : null}
      </CardHeader>
      <CardContent>
        {user?.isActive ? (
          <SetPasswordForm token={tokenValue} email={user.email} action={resetPasswordAction} submitLabel="Set new password" doneTitle="Your password is changed" />
        ) : (
          <Alert variant="destructive">
            <AlertDescription>
              <p>{INVALID_LINK_MESSAGE}</p>
              <Link href="/forgot-password" className="font-medium underline underline-offset-4">
                Request a new link
              </Link>
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
