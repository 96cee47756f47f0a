import type { Metadata } from "next";
import { getTranslator } from "@/lib/web/locale";
import { requireTrader } from "@/lib/web/trader-session";
import { listRequisiteChoices } from "@/lib/requisites/list-requisite-choices";
import { listTraderRequisites } from "@/lib/requisites/list-trader-requisites";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { NoTraderProfile } from "@/components/trader/no-trader-profile";
import { AddRequisiteDialog } from "@/components/trader/add-requisite-dialog";
import { RequisitesTable } from "@/components/trader/requisites-table";
import { addRequisiteAction, setRequisiteStatusAction, updateRequisiteLimitsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return cabinetMetadata("trader", t("trader.requisites.title"))();
}

/** The trader's cards, SBP phones and accounts: usage against limits, on/off, limits, adding one. */
export default async function TraderRequisitesPage() {
  const { traderId } = await requireTrader();
  const { t } = await getTranslator();
  if (traderId === null) return <NoTraderProfile title={t("trader.requisites.title")} />;
  const [{ requisites, maxOpenOrders }, choices] = await Promise.all([listTraderRequisites(traderId), listRequisiteChoices()]);
  return (
    <>
      <PageHeader title={t("trader.requisites.title")} description={t("trader.requisites.description")}>
        <AddRequisiteDialog choices={choices} add={addRequisiteAction} />
      </PageHeader>
      {requisites.length === 0 ? (
        <EmptyState title={t("trader.requisites.empty")}>{t("trader.requisites.emptyHint")}</EmptyState>
      ) : (
        <RequisitesTable requisites={requisites} maxOpenOrders={maxOpenOrders} actions={{ setStatus: setRequisiteStatusAction, updateLimits: updateRequisiteLimitsAction }} />
      )}
    </>
  );
}
