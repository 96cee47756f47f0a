import type { Metadata } from "next";
import { getTranslator } from "@/lib/web/locale";
import { requireTrader } from "@/lib/web/trader-session";
import { listTraderApiTokens } from "@/lib/traders/list-trader-api-tokens";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { NoTraderProfile } from "@/components/trader/no-trader-profile";
import { ApiTokensTable } from "@/components/trader/api-tokens-table";
import { CreateApiTokenDialog } from "@/components/trader/create-api-token-dialog";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return cabinetMetadata("trader", t("trader.apiTokens.title"))();
}

/** Personal tokens for the trader API (e.g. an app that confirms pay-ins from bank SMS). */
export default async function TraderApiTokensPage() {
  const { traderId } = await requireTrader();
  const { t } = await getTranslator();
  if (traderId === null) return <NoTraderProfile title={t("trader.apiTokens.title")} />;
  const tokens = await listTraderApiTokens(traderId);
  return (
    <>
      <PageHeader title={t("trader.apiTokens.title")} description={t("trader.apiTokens.description")}>
        <CreateApiTokenDialog create={createApiTokenAction} />
      </PageHeader>
      {tokens.length === 0 ? <EmptyState title={t("trader.apiTokens.empty")}>{t("trader.apiTokens.emptyHint")}</EmptyState> : <ApiTokensTable tokens={tokens} revoke={revokeApiTokenAction} />}
    </>
  );
}
