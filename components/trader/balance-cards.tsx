"use client";

import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import type { TraderBalances } from "@/lib/ledger/get-trader-balances";
import { useT } from "@/components/i18n/i18n-provider";
import { Money } from "@/components/cabinet/money";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { fetchBalances, TRADER_QUERY_KEYS } from "./trader-queries";

function BalanceCard({ label, note, testId, className, children }: { label: string; note: string; testId: string; className?: string; children: ReactNode }) {
  return (
    <Card className={cn("gap-2", className)} data-testid={testId}>
      <CardHeader>
        <CardDescription>{label}</CardDescription>
        {children}
      </CardHeader>
      <CardContent className="text-xs text-muted-foreground">{note}</CardContent>
    </Card>
  );
}

/**
 * The USDT deposit (available and held) and the fiat turnover. Live: a confirmation in the
 * queue invalidates this query, so the numbers move as soon as the order completes.
 */
export function BalanceCards({ initial }: { initial: TraderBalances }) {
  const t = useT();
  const { data } = useQuery({ queryKey: TRADER_QUERY_KEYS.balances, queryFn: fetchBalances, initialData: initial, refetchInterval: 30_000 });
  const usdt = data.usdt;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <BalanceCard label={t("trader.balances.available")} note={t("trader.balances.availableNote")} testId="balance-available">
        <CardTitle className="text-2xl">
          <Money amount={BigInt(usdt.available)} exponent={usdt.exponent} code={usdt.currencyCode} />
        </CardTitle>
      </BalanceCard>
      <BalanceCard label={t("trader.balances.held")} note={t("trader.balances.heldNote")} testId="balance-held">
        <CardTitle className="text-2xl">
          <Money amount={BigInt(usdt.held)} exponent={usdt.exponent} code={usdt.currencyCode} />
        </CardTitle>
      </BalanceCard>
      <BalanceCard label={t("trader.balances.turnover")} note={t("trader.balances.turnoverNote")} testId="balance-turnover" className="sm:col-span-2 lg:col-span-1">
        {data.fiat.length === 0 ? (
          <CardTitle className="text-base font-normal text-muted-foreground">{t("trader.balances.noTurnover")}</CardTitle>
        ) : (
          <ul className="grid gap-1">
            {data.fiat.map((fiat) => (
              <li key={fiat.currencyCode} className="text-lg font-semibold">
                <Money amount={BigInt(fiat.available)} exponent={fiat.exponent} code={fiat.currencyCode} />
              </li>
            ))}
          </ul>
        )}
      </BalanceCard>
    </div>
  );
}
