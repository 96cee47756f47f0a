import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getMerchantStore } from "@/lib/stores/get-merchant-store";
import { requireRole } from "@/lib/web/session";
import { DomainError } from "@/lib/errors/domain-error";
import { getTranslator } from "@/lib/web/locale";
import { PageHeader } from "@/components/cabinet/page-header";
import { SandboxBadge } from "@/components/merchant/sandbox-badge";
import { ApiKeys } from "@/components/merchant/api-keys";
import { CallbackUrlForm } from "@/components/merchant/callback-url-form";
import { EndpointHealth } from "@/components/callbacks/endpoint-health";
import { getCallbackEndpointHealth } from "@/lib/callbacks/callback-breaker-states";
import { merchantMetadata } from "@/components/merchant/merchant-metadata";
import { WebhookSecret } from "@/components/merchant/webhook-secret";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { createApiKeyAction, revokeApiKeyAction, rotateWebhookSecretAction, saveCallbackUrlAction } from "../actions";

export const generateMetadata = merchantMetadata("merchant.store.title");

async function loadStore(userId: number, rawId: string) {
  const id = Number(rawId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  try {
    return await getMerchantStore(userId, id);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
}

export default async function MerchantStorePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("merchant");
  const { t, locale } = await getTranslator();
  const store = await loadStore(user.id, (await params).id);
  const health = (await getCallbackEndpointHealth([store.id])).get(store.id)!;

  return (
    <>
      <Link href="/merchant/stores" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("merchant.store.back")}
      </Link>
      <PageHeader title={store.name} description={store.isSandbox ? t("merchant.sandbox.description") : t("merchant.store.description")}>
        {store.isSandbox && <SandboxBadge label={t("merchant.sandbox.badge")} />}
      </PageHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("merchant.store.callbackUrl.title")}</CardTitle>
            <CardDescription>{t("merchant.store.callbackUrl.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <CallbackUrlForm storeId={store.id} url={store.callbackUrl} save={saveCallbackUrlAction} />
            {store.callbackUrl && <EndpointHealth className="mt-4" health={health} t={t} locale={locale} />}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("merchant.store.webhookSecret.title")}</CardTitle>
            <CardDescription>{t("merchant.store.webhookSecret.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <WebhookSecret storeId={store.id} masked={store.maskedWebhookSecret} rotatedAt={store.webhookSecretRotatedAt} rotate={rotateWebhookSecretAction} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("merchant.store.apiKeys.title")}</CardTitle>
            <CardDescription>{t("merchant.store.apiKeys.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ApiKeys storeId={store.id} keys={store.apiKeys} create={createApiKeyAction} revoke={revokeApiKeyAction} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
