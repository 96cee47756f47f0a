import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { cabinetPath } from "@/lib/auth/roles";
import { DEMO_LOGINS } from "@/prisma/demo-logins";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(cabinetPath(user.role));

  // Demo accounts exist only in locally seeded databases; never advertise them in production.
  const showDemoLogins = process.env.NODE_ENV !== "production";

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold leading-none tracking-tight">Sign in to JivaPay</h1>
        <CardDescription>Use the email and password of your JivaPay account.</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm />
      </CardContent>
      {showDemoLogins ? (
        <CardFooter>
          <p className="text-xs text-muted-foreground">
            Demo: {DEMO_LOGINS.users.map((u) => u.role).join(" / ")}
            <code className="font-mono">@jivapay.dev</code>, password{" "}
            <code className="font-mono">{DEMO_LOGINS.password}</code>
          </p>
        </CardFooter>
      ) : null}
    </Card>
  );
}
