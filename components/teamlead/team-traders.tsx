import type { ReactNode } from "react";
import type { TeamTraderRow } from "@/lib/traders/get-team-overview";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/web/locale";
import { DataTableCard, type DataTableColumn } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatPercent } from "./percent";
import { TrafficSwitch, type SetTrafficAction } from "./traffic-switch";

interface TeamTradersProps {
  traders: TeamTraderRow[];
  usdtExponent: number;
  canSwitchTraffic: boolean;
  showDeposits: boolean;
  /** The page's server action behind each switch (it checks team.traffic again). */
  setTraffic: SetTrafficAction;
}

/** What the card and the table row of one trader show, rendered once for both. */
interface TraderCells {
  trader: ReactNode;
  presence: ReactNode;
  volume: ReactNode;
  conversion: ReactNode;
  deposit: ReactNode;
  traffic: ReactNode;
}

/**
 * The team's traders: a table from the md breakpoint up, one card per trader below it (the
 * traffic switch stays in reach on a phone instead of behind a sideways scroll). The teamlead's
 * permissions decide whether the switches work (team.traffic) and whether deposits show
 * (team.deposits); this renders on the server, so a hidden deposit never reaches the browser.
 */
export async function TeamTraders({ traders, usdtExponent, canSwitchTraffic, showDeposits, setTraffic }: TeamTradersProps) {
  const { t, locale } = await getTranslator();
  const rows = traders.map((trader) => ({ trader, cells: traderCells(trader, { usdtExponent, canSwitchTraffic, setTraffic, t, locale }) }));

  return (
    <>
      <ul className="grid gap-3 md:hidden">
        {rows.map(({ trader, cells }) => (
          <TraderCard key={trader.id} trader={trader} cells={cells} showDeposits={showDeposits} t={t} />
        ))}
      </ul>
      <div className="hidden md:block">
        <DataTableCard columns={teamColumns(t, showDeposits)}>
          {rows.map(({ trader, cells }) => (
            <TraderTableRow key={trader.id} trader={trader} cells={cells} showDeposits={showDeposits} />
          ))}
        </DataTableCard>
      </div>
    </>
  );
}

/** The deposit column shows with team.deposits only. */
function teamColumns(t: Translate, showDeposits: boolean): DataTableColumn[] {
  return [
    t("teamlead.columns.trader"),
    t("teamlead.columns.presence"),
    { label: t("teamlead.columns.openOrders"), align: "right" },
    { label: t("teamlead.columns.volume"), align: "right" },
    t("teamlead.columns.conversion"),
    ...(showDeposits ? [{ label: t("teamlead.columns.deposit"), align: "right" as const }] : []),
    t("teamlead.columns.traffic"),
  ];
}

function traderCells(
  trader: TeamTraderRow,
  { usdtExponent, canSwitchTraffic, setTraffic, t, locale }: Pick<TeamTradersProps, "usdtExponent" | "canSwitchTraffic" | "setTraffic"> & { t: Translate; locale: Locale },
): TraderCells {
  const name = trader.name ?? trader.email;
  return {
    trader: <TraderName trader={trader} name={name} />,
    presence: <TraderPresence trader={trader} t={t} />,
    volume: <Money amount={trader.today.volume} exponent={usdtExponent} code="USDT" />,
    conversion: <TraderConversion today={trader.today} t={t} locale={locale} />,
    deposit: <Money amount={trader.usdtAvailable} exponent={usdtExponent} code="USDT" />,
    traffic: <TrafficSwitch traderId={trader.id} name={name} enabled={trader.isTrafficEnabledByTeamlead} disabled={!canSwitchTraffic} action={setTraffic} />,
  };
}

/** The trader's name (or email), with the email under a name. */
function TraderName({ trader, name }: { trader: TeamTraderRow; name: string }) {
  return (
    <div className="grid min-w-0">
      <span className="truncate font-medium">{name}</span>
      {trader.name ? <span className="truncate text-xs text-muted-foreground">{trader.email}</span> : null}
    </div>
  );
}

/** Online or offline (with when last seen), and whether the account is switched off. */
function TraderPresence({ trader, t }: { trader: TeamTraderRow; t: Translate }) {
  return (
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
  );
}

/** Today's completed ÷ taken orders, or "no orders". */
function TraderConversion({ today, t, locale }: { today: TeamTraderRow["today"]; t: Translate; locale: Locale }) {
  const conversion = formatPercent(today.completed, today.taken, locale);
  return conversion ? (
    <span className="tabular">{t("teamlead.conversionValue", { percent: conversion, completed: today.completed, taken: today.taken })}</span>
  ) : (
    <span className="text-muted-foreground">{t("teamlead.noOrders")}</span>
  );
}

/** One trader on a phone: name and traffic switch on top, presence, then the numbers as label–value pairs. */
function TraderCard({ trader, cells, showDeposits, t }: { trader: TeamTraderRow; cells: TraderCells; showDeposits: boolean; t: Translate }) {
  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs" data-trader-id={trader.id}>
      <div className="flex items-start justify-between gap-3">
        {cells.trader}
        {cells.traffic}
      </div>
      {cells.presence}
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        <Fact label={t("teamlead.columns.openOrders")}>
          <span className="tabular">{trader.openOrders}</span>
        </Fact>
        <Fact label={t("teamlead.columns.volume")}>{cells.volume}</Fact>
        <Fact label={t("teamlead.columns.conversion")}>{cells.conversion}</Fact>
        {showDeposits ? <Fact label={t("teamlead.columns.deposit")}>{cells.deposit}</Fact> : null}
      </dl>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

/** One trader as a table row, from the md breakpoint up. */
function TraderTableRow({ trader, cells, showDeposits }: { trader: TeamTraderRow; cells: TraderCells; showDeposits: boolean }) {
  return (
    <TableRow data-trader-id={trader.id}>
      <TableCell className="max-w-56">{cells.trader}</TableCell>
      <TableCell>{cells.presence}</TableCell>
      <TableCell className="tabular text-right">{trader.openOrders}</TableCell>
      <TableCell className="text-right">{cells.volume}</TableCell>
      <TableCell>{cells.conversion}</TableCell>
      {showDeposits ? <TableCell className="text-right">{cells.deposit}</TableCell> : null}
      <TableCell>{cells.traffic}</TableCell>
    </TableRow>
  );
}
