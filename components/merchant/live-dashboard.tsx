"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { DashboardSnapshot } from "@/lib/metrics/merchant-dashboard-snapshot";
import { useT } from "@/components/i18n/i18n-provider";
import { BalancesTable } from "@/components/cabinet/balances-table";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { cn } from "@/components/ui/cn";
import { Card, CardContent } from "@/components/ui/card";
import { StoreCardHeader } from "./store-card-header";
import { formatDuration, formatPercent } from "./dashboard-format";

/** How often today's numbers and the balances are re-read while the page is open. */
const REFRESH_MS = 15_000;

async function fetchSnapshot(): Promise<DashboardSnapshot> {
  const response = await fetch("/api/cabinet/merchant/dashboard", { cache: "no-store" });
  if (!response.ok) throw new Error(`dashboard ${response.status}`);
  return response.json();
}

function Stat({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <Card className={cn("gap-1 py-4", className)}>
      <CardContent className="grid gap-1 px-4">
        <p className="text-xs text-muted-foreground">{label}</p>
        <p className="text-xl font-semibold tabular">
          {children}
        </p>
      </CardContent>
    </Card>
  );
}

/**
 * Today's numbers and every store's balances, refreshed every 15 s without a reload. `world`
 * (live or sandbox, the cabinet's switch) is part of the cache key: after a switch the cached
 * snapshot of the other world is never shown.
 */
export function LiveDashboard({ initial, world = "live" }: { initial: DashboardSnapshot; world?: string }) {
  const t = useT();
  const { data } = useQuery({ queryKey: ["merchant-dashboard", world], queryFn: fetchSnapshot, initialData: initial, refetchInterval: REFRESH_MS, staleTime: REFRESH_MS });
  const { today, stores } = data;
  const completed = BigInt(today.completedCount);
  return (
    <>
      <section aria-labelledby="today-heading" className="grid grid-cols-1 gap-3">
        <h2 id="today-heading" className="text-lg font-semibold tracking-tight">
          {t("merchant.dashboard.today")}
        </h2>
        {/* Counts pair up on a phone; the two wide values (a duration, micro-USDT) take a row each. */}
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
          <Stat label={t("merchant.dashboard.created")}>{today.createdCount}</Stat>
          <Stat label={t("merchant.dashboard.completed")}>{today.completedCount}</Stat>
          <Stat label={t("merchant.dashboard.open")}>{today.openCount}</Stat>
          <Stat label={t("merchant.dashboard.conversion")}>{formatPercent(today.completedCount, today.createdCount) ?? "—"}</Stat>
          <Stat label={t("merchant.dashboard.avgCompletion")} className="col-span-2 md:col-span-1">{completed > 0n ? formatDuration(BigInt(today.completionSecondsSum) / completed, t) : "—"}</Stat>
          <Stat label={t("merchant.dashboard.turnover")} className="col-span-2 md:col-span-1">
            <Money amount={BigInt(today.turnover)} exponent={6} code="USDT" />
          </Stat>
        </div>
      </section>

      <section aria-labelledby="balances-heading" className="grid grid-cols-1 gap-3">
        <h2 id="balances-heading" className="text-lg font-semibold tracking-tight">
          {t("merchant.dashboard.balances")}
        </h2>
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
                  description={
                    store.isSandbox ? (
                      t("merchant.sandbox.title")
                    ) : (
                    <Link href="/merchant/withdrawals" className="underline-offset-4 hover:underline">
                      {t("merchant.dashboard.withdraw")}
                    </Link>
                    )
                  }
                />
                <CardContent>
                  {store.balances.length === 0 ? (
                    <p className="text-sm text-muted-foreground">{t("merchant.dashboard.noBalances")}</p>
                  ) : (
                    <BalancesTable
                      label={t("merchant.dashboard.balancesOf", { name: store.name })}
                      labels={{ currency: t("merchant.dashboard.currency"), available: t("merchant.dashboard.available"), held: t("merchant.dashboard.held") }}
                      rows={store.balances.map((balance) => ({ code: balance.currencyCode, exponent: balance.exponent, available: balance.available, held: balance.held }))}
                    />
                  )}
                </CardContent>
              </Card>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
