"use client";

import type { TraderRequisiteRow } from "@/lib/requisites/list-trader-requisites";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { Money } from "@/components/cabinet/money";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { EditLimitsDialog } from "./edit-limits-dialog";
import { RequisiteStatusSwitch } from "./requisite-status-switch";
import type { RequisiteActions } from "./trader-actions";
import { requisiteTypeLabel } from "./requisite-type-label";
import { UsageMeter } from "./usage-meter";

const STATUS_VARIANT: Record<TraderRequisiteRow["status"], BadgeProps["variant"]> = {
  active: "success",
  inactive: "outline",
  blocked: "destructive",
};

/** The requisites with today's usage against their limits; the table scrolls sideways on a phone. */
export function RequisitesTable({ requisites, maxOpenOrders, actions }: { requisites: TraderRequisiteRow[]; maxOpenOrders: number; actions: RequisiteActions }) {
  const t = useT();
  const columns = [
    t("trader.requisites.columns.requisite"),
    t("trader.requisites.columns.status"),
    { label: t("trader.requisites.columns.perOrder"), align: "right" as const },
    t("trader.requisites.columns.today"),
    { label: t("trader.requisites.columns.openOrders"), align: "right" as const },
    t("common.actions"),
  ];
  return (
    <DataTableCard columns={columns}>
      {requisites.map((requisite) => (
        <RequisiteRow key={requisite.id} requisite={requisite} maxOpenOrders={maxOpenOrders} actions={actions} />
      ))}
    </DataTableCard>
  );
}

function RequisiteRow({ requisite, maxOpenOrders, actions }: { requisite: TraderRequisiteRow; maxOpenOrders: number; actions: RequisiteActions }) {
  const t = useT();
  const label = [requisiteTypeLabel(t, requisite.type), requisite.bankName, requisite.maskedNumber].filter(Boolean).join(" · ");
  const limits = requisite.limits;
  return (
    <TableRow data-testid="requisite-row" data-requisite-id={requisite.id}>
      <TableCell>
        <div className="font-medium">{requisite.bankName ?? requisiteTypeLabel(t, requisite.type)}</div>
        <div className="font-mono text-xs">
          {requisiteTypeLabel(t, requisite.type)} · {requisite.maskedNumber}
        </div>
        {requisite.holder ? <div className="text-xs text-muted-foreground">{requisite.holder}</div> : null}
      </TableCell>
      <StatusCell requisite={requisite} label={label} setStatus={actions.setStatus} />
      {limits ? (
        <>
          <TableCell className="text-right text-xs">
            <Money amount={BigInt(limits.minAmount)} exponent={limits.exponent} code={limits.currencyCode} />
            {" – "}
            <Money amount={BigInt(limits.maxAmount)} exponent={limits.exponent} code={limits.currencyCode} />
          </TableCell>
          <UsageCell usage={requisite.usage} limits={limits} />
        </>
      ) : (
        <TableCell colSpan={2} className="text-right text-muted-foreground">
          {t("trader.requisites.noLimits")}
        </TableCell>
      )}
      <TableCell className={cn("text-right tabular", requisite.usage.openOrders >= maxOpenOrders && "text-destructive")}>
        {requisite.usage.openOrders} / {maxOpenOrders}
      </TableCell>
      <TableCell>{limits && requisite.status !== "blocked" ? <EditLimitsDialog requisiteId={requisite.id} label={label} limits={limits} update={actions.updateLimits} /> : null}</TableCell>
    </TableRow>
  );
}

/** The on/off switch (none once blocked) and the status, with why a blocked requisite is blocked. */
function StatusCell({ requisite, label, setStatus }: { requisite: TraderRequisiteRow; label: string; setStatus: RequisiteActions["setStatus"] }) {
  const t = useT();
  return (
    <TableCell>
      <div className="flex items-center gap-2">
        {/* Only the platform lifts a block: no switch to try. */}
        {requisite.status !== "blocked" ? <RequisiteStatusSwitch requisiteId={requisite.id} status={requisite.status} label={label} setStatus={setStatus} /> : null}
        <Badge variant={STATUS_VARIANT[requisite.status]} data-testid="requisite-status">
          {t(`trader.requisites.status.${requisite.status}`)}
        </Badge>
      </div>
      {requisite.status === "blocked" ? (
        <div className="mt-1 max-w-64 whitespace-normal text-xs" data-testid="requisite-blocked-reason">
          {requisite.blockedReason ? <p className="break-words text-destructive">{t("trader.requisites.blockedReason", { reason: requisite.blockedReason })}</p> : null}
          <p className="text-muted-foreground">{t("trader.requisites.blockedHint")}</p>
        </div>
      ) : null}
    </TableCell>
  );
}

/** Today's use against the daily limit, and this month's and today's count where those limits are set. */
function UsageCell({ usage, limits }: { usage: TraderRequisiteRow["usage"]; limits: NonNullable<TraderRequisiteRow["limits"]> }) {
  const t = useT();
  return (
    <TableCell>
      <div className="grid gap-2">
        <UsageMeter label={t("trader.requisites.dailyUsage")} used={BigInt(usage.usedToday)} limit={BigInt(limits.dailyLimit)} exponent={limits.exponent} currencyCode={limits.currencyCode} />
        {limits.monthlyLimit !== null ? (
          <div className="text-xs text-muted-foreground">
            {t("trader.requisites.monthUsage")} <Money amount={BigInt(usage.usedThisMonth)} exponent={limits.exponent} code={limits.currencyCode} /> /{" "}
            <Money amount={BigInt(limits.monthlyLimit)} exponent={limits.exponent} code={limits.currencyCode} />
          </div>
        ) : null}
        {limits.dailyCountLimit !== null ? (
          <div className="text-xs text-muted-foreground">{t("trader.requisites.countUsage", { used: usage.countToday, limit: limits.dailyCountLimit })}</div>
        ) : null}
      </div>
    </TableCell>
  );
}
