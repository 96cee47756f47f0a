import type { Metadata } from "next";
import { peekToken } from "@/lib/auth/tokens";
import { INVALID_INVITATION_MESSAGE } from "@/lib/auth/accept-invitation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SetPasswordForm } from "../reset-password/set-password-form";
import { acceptInvitationAction } from "./actions";

// The token is in the URL: never send it on to another site as a Referer.
export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const tokenValue = typeof token === "string" ? token : "";
  const user = tokenValue ? await peekToken(tokenValue, "invite") : null;
  // An account that is already active has nothing left to accept.
  const pending = user && !user.isActive ? user : null;

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold leading-none tracking-tight">{pending?.name ? `Welcome, ${pending.name}` : "Welcome to JivaPay"}</h1>
        {pending ? <CardDescription>Choose a password for {pending.email} to activate your account.</CardDescription> : null}
      </CardHeader>
      <CardContent>
        {pending ? (
          <SetPasswordForm token={tokenValue} email={pending.email} action={acceptInvitationAction} submitLabel="Activate my account" doneTitle="Your account is active" />
        ) : (
          <Alert variant="destructive">
            <AlertDescription>{INVALID_INVITATION_MESSAGE}</AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
