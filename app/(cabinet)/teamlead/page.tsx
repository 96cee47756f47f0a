import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { getTeamOverview } from "@/lib/traders/get-team-overview";
import { getTeamDailySeries } from "@/lib/metrics/get-team-daily-series";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { AutoRefresh } from "@/components/teamlead/auto-refresh";
import { formatPercent } from "@/components/teamlead/percent";
import { TeamCharts } from "@/components/teamlead/team-charts";
import { TeamTraders } from "@/components/teamlead/team-traders";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { setTraderTrafficAction } from "./actions";

/** How often the open page re-reads the team's live numbers (online uses a 2-minute window). */
const REFRESH_MS = 30_000;

export async function generateMetadata() {
  const { t } = await getTranslator();
  return cabinetMetadata("teamlead", t("teamlead.title"))();
}

/** A headline number; `wide` ones (long amounts) take a whole row on a phone. */
function Stat({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Card className={cn("gap-2 py-4", wide && "col-span-2 lg:col-span-1")}>
      <CardHeader className="px-4">
        <CardDescription>{label}</CardDescription>
      </CardHeader>
      <CardContent className="px-4 text-xl font-semibold tabular">{children}</CardContent>
    </Card>
  );
}

export default async function TeamleadHomePage() {
  const user = await requireRole("teamlead");
  const { t, locale } = await getTranslator();
  const now = new Date();
  const [{ traders, usdtExponent }, days] = await Promise.all([getTeamOverview(user.id, now), getTeamDailySeries(user.id, now)]);
  const today = days[days.length - 1];

  return (
    <>
      <PageHeader title={t("teamlead.title")} description={t("teamlead.description")} />
      <AutoRefresh intervalMs={REFRESH_MS} />
      {traders.length === 0 ? (
        <EmptyState title={t("teamlead.empty")}>{t("teamlead.emptyHint")}</EmptyState>
      ) : (
        <div className="grid gap-8">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
            <Stat label={t("teamlead.summary.online")}>
              {t("teamlead.summary.onlineValue", { online: traders.filter((x) => x.online).length, total: traders.length })}
            </Stat>
            <Stat label={t("teamlead.summary.traffic")}>
              {t("teamlead.summary.onlineValue", { online: traders.filter((x) => x.isTrafficEnabledByTeamlead).length, total: traders.length })}
            </Stat>
            <Stat label={t("teamlead.summary.openOrders")}>{traders.reduce((sum, x) => sum + x.openOrders, 0)}</Stat>
            <Stat label={t("teamlead.summary.conversion")}>{formatPercent(today.completed, today.taken, locale) ?? t("teamlead.noOrders")}</Stat>
            <Stat label={t("teamlead.summary.volume")} wide>
              <Money amount={today.volume} exponent={usdtExponent} code="USDT" />
            </Stat>
          </div>
          <TeamTraders
            traders={traders}
            usdtExponent={usdtExponent}
            canSwitchTraffic={user.permissions["team.traffic"]}
            showDeposits={user.permissions["team.deposits"]}
            setTraffic={setTraderTrafficAction}
          />
          <section aria-labelledby="team-charts" className="grid gap-3">
            <h2 id="team-charts" className="text-lg font-semibold tracking-tight">
              {t("teamlead.charts.title")}
            </h2>
            {days.some((d) => d.taken > 0) ? <TeamCharts days={days} exponent={usdtExponent} /> : <EmptyState title={t("teamlead.charts.noData")} />}
          </section>
        </div>
      )}
    </>
  );
}
