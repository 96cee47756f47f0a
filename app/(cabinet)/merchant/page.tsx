import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { getDashboardSnapshot } from "@/lib/metrics/merchant-dashboard-snapshot";
import { getMerchantDailySeries } from "@/lib/metrics/get-merchant-dashboard";
import { listMerchantOrders } from "@/lib/orders/list-merchant-orders";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { getMerchantDataWorld } from "@/lib/web/merchant-data-world";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { DashboardCharts } from "@/components/merchant/dashboard-charts";
import { LiveDashboard } from "@/components/merchant/live-dashboard";
import { MerchantOrdersTable } from "@/components/merchant/merchant-orders-table";
import { merchantMetadata } from "@/components/merchant/merchant-metadata";
import { buttonVariants } from "@/components/ui/button";

export const generateMetadata = merchantMetadata("merchant.dashboard.title");

const LATEST_ORDERS = 10;

export default async function MerchantDashboardPage() {
  const user = await requireRole("merchant");
  const { t } = await getTranslator();
  const world = await getMerchantDataWorld();
  const [snapshot, days, latest] = await Promise.all([
    getDashboardSnapshot(user.id, world),
    getMerchantDailySeries(user.id, undefined, world),
    listMerchantOrders(user.id, { filters: {}, world }, LATEST_ORDERS),
  ]);

  return (
    <>
      <PageHeader title={t("merchant.dashboard.title")} description={t("merchant.dashboard.description")} />
      <div className="grid grid-cols-1 gap-8">
        <LiveDashboard initial={snapshot} world={world} />
        <section aria-labelledby="charts-heading" className="grid grid-cols-1 gap-3">
          <h2 id="charts-heading" className="text-lg font-semibold tracking-tight">
            {t("merchant.dashboard.last30")}
          </h2>
          <DashboardCharts days={days} />
        </section>
        <section aria-labelledby="latest-heading" className="grid grid-cols-1 gap-3">
          <div className="flex items-center justify-between gap-2">
            <h2 id="latest-heading" className="text-lg font-semibold tracking-tight">
              {t("merchant.dashboard.latestOrders")}
            </h2>
            <Link href="/merchant/orders" className={buttonVariants({ variant: "ghost", size: "sm" })}>
              {t("merchant.dashboard.allOrders")}
              <ArrowRight className="size-4" aria-hidden="true" />
            </Link>
          </div>
          {latest.rows.length === 0 ? <EmptyState title={t("orders.empty")} /> : <MerchantOrdersTable rows={latest.rows} t={t} />}
        </section>
      </div>
    </>
  );
}
