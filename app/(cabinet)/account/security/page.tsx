import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cabinetPath } from "@/lib/auth/roles";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { getCurrentUser } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { PageHeader } from "@/components/cabinet/page-header";
import { TitledCard } from "@/components/cabinet/titled-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { changePasswordAction, confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Account security" };

/** Every role's security page: two-factor sign-in (enrol, turn off where allowed) and the password. */
export default async function AccountSecurityPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const { t } = await getTranslator();
  const status = await twoFactorStatus(user.id);
  return (
    <div className="grid max-w-2xl gap-6">
      <PageHeader title={t("account.security.title")} description={t("account.security.description")}>
        {user.twoFactorSetupRequired ? null : (
          <Link href={cabinetPath(user.role)} className="text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
            {t("account.security.backToCabinet")}
          </Link>
        )}
      </PageHeader>
      {user.twoFactorSetupRequired ? (
        <Alert data-testid="two-factor-setup-required">
          <AlertDescription>{t("account.security.setupRequired")}</AlertDescription>
        </Alert>
      ) : null}
      <TitledCard title={t("account.security.twoFactor.title")}>
        <TwoFactorSettings status={status} actions={{ start: startTwoFactorAction, confirm: confirmTwoFactorAction, disable: disableTwoFactorAction }} />
      </TitledCard>
      {user.twoFactorSetupRequired ? null : (
        <TitledCard title={t("account.security.password.title")}>
          <ChangePasswordForm action={changePasswordAction} />
        </TitledCard>
      )}
    </div>
  );
}
