import Link from "next/link";
import { Settings } from "lucide-react";
import { listStoresWithBalances } from "@/lib/stores/list-stores-with-balances";
import { requireRole } from "@/lib/web/session";
import { getDailySummaryOptIn } from "@/lib/stores/set-daily-summary-opt-in";
import { getTranslator } from "@/lib/web/locale";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { formatFractionAsPercent } from "@/lib/format/money";
import { DailySummarySwitch } from "@/components/merchant/daily-summary-switch";
import { merchantMetadata } from "@/components/merchant/merchant-metadata";
import { StoreCardHeader } from "@/components/merchant/store-card-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { setDailySummaryAction } from "./actions";
import { createSandboxStoreAction } from "../sandbox-actions";
import { CreateSandboxStoreForm } from "@/components/merchant/create-sandbox-store-form";

export const generateMetadata = merchantMetadata("merchant.stores.title");

export default async function MerchantStoresPage() {
  const user = await requireRole("merchant");
  const { t } = await getTranslator();
  const [stores, dailySummary] = await Promise.all([listStoresWithBalances(user.id), getDailySummaryOptIn(user.id)]);

  return (
    <>
      <PageHeader title={t("merchant.stores.title")} description={t("merchant.stores.description")} />
      <div className="grid grid-cols-1 gap-6">
        {stores.length === 0 ? (
          <EmptyState title={t("merchant.stores.none")} />
        ) : (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {stores.map((store) => (
              <Card key={store.id}>
                <StoreCardHeader
                  name={store.name}
                  isActive={store.isActive}
                  labels={{ active: t("common.active"), inactive: t("common.inactive") }}
                  sandbox={store.isSandbox ? t("merchant.sandbox.badge") : undefined}
                  descriptionClassName="break-all"
                  description={store.callbackUrl ? t("merchant.stores.callbackTo", { url: store.callbackUrl }) : t("merchant.stores.noCallbackUrl")}
                />
                <CardContent className="grid gap-4">
                  <dl className="grid grid-cols-2 gap-2 text-sm">
                    <div className="rounded-md bg-muted/60 px-3 py-2">
                      <dt className="text-xs text-muted-foreground">{t("merchant.stores.payinCommission")}</dt>
                      <dd className="tabular font-medium">{formatFractionAsPercent(store.payinCommission)}</dd>
                    </div>
                    <div className="rounded-md bg-muted/60 px-3 py-2">
                      <dt className="text-xs text-muted-foreground">{t("merchant.stores.payoutCommission")}</dt>
                      <dd className="tabular font-medium">{formatFractionAsPercent(store.payoutCommission)}</dd>
                    </div>
                  </dl>
                  <Link href={`/merchant/stores/${store.id}`} className={buttonVariants({ variant: "outline", className: "w-fit" })}>
                    <Settings className="size-4" aria-hidden="true" />
                    {t("merchant.stores.settingsOf", { name: store.name })}
                  </Link>
                </CardContent>
              </Card>
            ))}
          </div>
        )}
        <Card>
          <CardHeader>
            <CardTitle>{t("merchant.sandbox.title")}</CardTitle>
            <CardDescription>{t("merchant.sandbox.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateSandboxStoreForm create={createSandboxStoreAction} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("merchant.stores.notifications")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DailySummarySwitch enabled={dailySummary} save={setDailySummaryAction} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
