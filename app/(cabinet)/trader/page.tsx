import type { Metadata } from "next";
import { getTranslator } from "@/lib/web/locale";
import { requireTrader } from "@/lib/web/trader-session";
import { getTraderBalances } from "@/lib/ledger/get-trader-balances";
import { listTraderQueue } from "@/lib/orders/list-trader-queue";
import { markTraderSeen } from "@/lib/traders/mark-trader-seen";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { PageHeader } from "@/components/cabinet/page-header";
import { NoTraderProfile } from "@/components/trader/no-trader-profile";
import { TraderWorkspace } from "@/components/trader/trader-workspace";
import { readSettings } from "@/lib/settings/read-settings";
import { acceptPayoutAction, confirmPayinAction, declinePayoutAction, releasePayoutAction } from "./order-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return cabinetMetadata("trader", t("trader.queue.title"))();
}

/** The trader's working screen: the live order queue, balances and history. */
export default async function TraderQueuePage() {
  const { traderId } = await requireTrader();
  const { t } = await getTranslator();
  if (traderId === null) return <NoTraderProfile title={t("trader.queue.title")} />;
  const [orders, balances, settings] = await Promise.all([listTraderQueue(traderId), getTraderBalances(traderId), readSettings(), markTraderSeen(traderId)]);
  return (
    <>
      <PageHeader title={t("trader.queue.title")} description={t("trader.queue.description")} />
      <TraderWorkspace
        initialQueue={{ serverTime: new Date().toISOString(), orders }}
        initialBalances={balances}
        actions={{
          confirmPayin: confirmPayinAction,
          acceptPayout: acceptPayoutAction,
          declinePayout: declinePayoutAction,
          releasePayout: releasePayoutAction,
          payoutReceipt: { maxBytes: settings["receipts.max_bytes"] },
        }}
      />
    </>
  );
}
