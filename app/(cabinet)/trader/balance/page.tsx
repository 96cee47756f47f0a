import type { Metadata } from "next";
import { getTranslator } from "@/lib/web/locale";
import { requireTrader } from "@/lib/web/trader-session";
import { getTraderBalances } from "@/lib/ledger/get-trader-balances";
import { getTraderEarnings } from "@/lib/metrics/get-trader-earnings";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { NoTraderProfile } from "@/components/trader/no-trader-profile";
import { BalanceCards } from "@/components/trader/balance-cards";
import { EarningsChart } from "@/components/trader/earnings-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return cabinetMetadata("trader", t("trader.earnings.title"))();
}

/** Balances and the earnings of the last 30 days. */
export default async function TraderBalancePage() {
  const { traderId } = await requireTrader();
  const { t } = await getTranslator();
  if (traderId === null) return <NoTraderProfile title={t("trader.earnings.title")} />;
  const [balances, earnings] = await Promise.all([getTraderBalances(traderId), getTraderEarnings(traderId)]);
  const today = earnings.days.at(-1);
  return (
    <>
      <PageHeader title={t("trader.earnings.title")} description={t("trader.earnings.description")} />
      <div className="grid gap-6">
        <BalanceCards initial={balances} />
        <Card>
          <CardHeader>
            <CardTitle>{t("trader.earnings.chartTitle")}</CardTitle>
            <CardDescription>
              {t("trader.earnings.total")}{" "}
              <Money amount={BigInt(earnings.total)} exponent={earnings.exponent} code={earnings.currencyCode} className="font-medium text-foreground" />
              {today ? (
                <>
                  {" · "}
                  {t("trader.earnings.today")}{" "}
                  <Money amount={BigInt(today.reward)} exponent={earnings.exponent} code={earnings.currencyCode} className="font-medium text-foreground" />
                </>
              ) : null}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EarningsChart earnings={earnings} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
