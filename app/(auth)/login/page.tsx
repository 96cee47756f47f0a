import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/web/session";
import { cabinetPath } from "@/lib/auth/roles";
import { DEMO_LOGINS } from "@/prisma/demo-logins";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { getTranslator } from "@/lib/web/locale";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(cabinetPath(user.role));
  const { t } = await getTranslator();

  // Demo accounts exist only in locally seeded databases; never advertise them in production.
  const showDemoLogins = process.env.NODE_ENV !== "production";

  return (
    <Card>
      <CardHeader>
        <h1 className="text-xl font-semibold leading-none tracking-tight">{t("auth.signInTitle")}</h1>
        <CardDescription>{t("auth.signInDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <LoginForm />
        <Link href="/forgot-password" className="justify-self-center text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          {t("auth.forgotPassword")}
        </Link>
      </CardContent>
      {showDemoLogins ? (
        <CardFooter>
          <p className="text-xs text-muted-foreground">
            {t("auth.demo", { roles: DEMO_LOGINS.users.map((u) => u.role).join(" / ") })}
            <code className="font-mono">@jivapay.dev</code>, {t("auth.demoPassword")}{" "}
            <code className="font-mono">{DEMO_LOGINS.password}</code>
          </p>
        </CardFooter>
      ) : null}
    </Card>
  );
}
