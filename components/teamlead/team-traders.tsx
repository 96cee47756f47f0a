import type { ReactNode } from "react";
import type { TeamTraderRow } from "@/lib/traders/get-team-overview";
import { getTranslator } from "@/lib/web/locale";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatPercent } from "./percent";
import { TrafficSwitch, type SetTrafficAction } from "./traffic-switch";

/**
 * The team's traders: a table from the md breakpoint up, one card per trader below it (the
 * traffic switch stays in reach on a phone instead of behind a sideways scroll). The teamlead's
 * permissions decide whether the switches work (team.traffic) and whether deposits show
 * (team.deposits); this renders on the server, so a hidden deposit never reaches the browser.
 */
export async function TeamTraders({
  traders,
  usdtExponent,
  canSwitchTraffic,
  showDeposits,
  setTraffic,
}: {
  traders: TeamTraderRow[];
  usdtExponent: number;
  canSwitchTraffic: boolean;
  showDeposits: boolean;
  /** The page's server action behind each switch (it checks team.traffic again). */
  setTraffic: SetTrafficAction;
}) {
  const { t, locale } = await getTranslator();
  const cells = (trader: TeamTraderRow) => {
    const name = trader.name ?? trader.email;
    const conversion = formatPercent(trader.today.completed, trader.today.taken, locale);
    return {
      name,
      trader: (
        <div className="grid min-w-0">
          <span className="truncate font-medium">{name}</span>
          {trader.name ? <span className="truncate text-xs text-muted-foreground">{trader.email}</span> : null}
        </div>
      ),
      presence: (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Badge variant={trader.online ? "success" : "outline"} data-presence={trader.online ? "online" : "offline"}>
            {t(trader.online ? "teamlead.online" : "teamlead.offline")}
          </Badge>
          {!trader.isActive ? <Badge variant="destructive">{t("teamlead.accountOff")}</Badge> : null}
          {!trader.online ? (
            <span className="text-xs text-muted-foreground">
              {trader.lastSeenAt ? (
                <>
                  {t("teamlead.lastSeen")} <DateTime value={trader.lastSeenAt} />
                </>
              ) : (
                t("teamlead.neverSeen")
              )}
            </span>
          ) : null}
        </div>
      ),
      volume: <Money amount={trader.today.volume} exponent={usdtExponent} code="USDT" />,
      conversion: conversion ? (
        <span className="tabular">{t("teamlead.conversionValue", { percent: conversion, completed: trader.today.completed, taken: trader.today.taken })}</span>
      ) : (
        <span className="text-muted-foreground">{t("teamlead.noOrders")}</span>
      ),
      deposit: <Money amount={trader.usdtAvailable} exponent={usdtExponent} code="USDT" />,
      traffic: <TrafficSwitch traderId={trader.id} name={name} enabled={trader.isTrafficEnabledByTeamlead} disabled={!canSwitchTraffic} action={setTraffic} />,
    };
  };

  const columns = [
    t("teamlead.columns.trader"),
    t("teamlead.columns.presence"),
    { label: t("teamlead.columns.openOrders"), align: "right" as const },
    { label: t("teamlead.columns.volume"), align: "right" as const },
    t("teamlead.columns.conversion"),
    ...(showDeposits ? [{ label: t("teamlead.columns.deposit"), align: "right" as const }] : []),
    t("teamlead.columns.traffic"),
  ];
  const rows = traders.map((trader) => ({ trader, cells: cells(trader) }));
  const fact = (label: string, value: ReactNode) => (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );

  return (
    <>
      <ul className="grid gap-3 md:hidden">
        {rows.map(({ trader, cells: c }) => (
          <li key={trader.id} className="grid gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs" data-trader-id={trader.id}>
            <div className="flex items-start justify-between gap-3">
              {c.trader}
              {c.traffic}
            </div>
            {c.presence}
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
              {fact(t("teamlead.columns.openOrders"), <span className="tabular">{trader.openOrders}</span>)}
              {fact(t("teamlead.columns.volume"), c.volume)}
              {fact(t("teamlead.columns.conversion"), c.conversion)}
              {showDeposits ? fact(t("teamlead.columns.deposit"), c.deposit) : null}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <DataTableCard columns={columns}>
          {rows.map(({ trader, cells: c }) => (
            <TableRow key={trader.id} data-trader-id={trader.id}>
              <TableCell className="max-w-56">{c.trader}</TableCell>
              <TableCell>{c.presence}</TableCell>
              <TableCell className="tabular text-right">{trader.openOrders}</TableCell>
              <TableCell className="text-right">{c.volume}</TableCell>
              <TableCell>{c.conversion}</TableCell>
              {showDeposits ? <TableCell className="text-right">{c.deposit}</TableCell> : null}
              <TableCell>{c.traffic}</TableCell>
            </TableRow>
          ))}
        </DataTableCard>
      </div>
    </>
  );
}
