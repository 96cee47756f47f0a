import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import { listTeamleads, listTraders, type AdminTraderRow, type TeamleadOption } from "@/lib/traders/list-traders";
import { listRequisiteBlocks, type RequisiteBlockRow } from "@/lib/requisites/list-requisite-blocks";
import { ActionSwitch } from "@/components/admin/action-switch";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { DepositDialog } from "@/components/admin/deposit-dialog";
import { EditTraderDialog } from "@/components/admin/edit-trader-dialog";
import { ListFilterForm } from "@/components/admin/list-filter-form";
import { KeysetPagination } from "@/components/admin/pagination";
import { BooleanBadge } from "@/components/cabinet/boolean-badge";
import { DataTableCard, type DataTableColumn } from "@/components/cabinet/data-table-card";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { BlockRequisiteDialog } from "@/components/requisites/block-requisite-dialog";
import { RequisiteBlockStatus } from "@/components/requisites/requisite-block-status";
import { requisiteTypeLabel } from "@/components/trader/requisite-type-label";
import { formatFractionAsPercent } from "@/lib/format/money";
import { SandboxBadge } from "@/components/merchant/sandbox-badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { adjustDepositAction, blockRequisiteAction, setTraderActiveAction, unblockRequisiteAction, updateTraderAction } from "./actions";

export const generateMetadata = adminMetadata("admin.traders.title");

export default async function AdminTradersPage({ searchParams }: { searchParams: Promise<{ team?: string; q?: string; after?: string }> }) {
  // The page serves two permissions; each control shows only with its own (the actions check again).
  const admin = await requirePermission("admin", ["traders.manage", "deposits.adjust"]);
  const { "traders.manage": canManage, "deposits.adjust": canAdjustDeposits } = admin.permissions;
  const params = await searchParams;
  const teamLeadId = typeof params.team === "string" && /^\d{1,9}$/.test(params.team) ? Number(params.team) : undefined;
  const search = typeof params.q === "string" ? params.q.slice(0, 100) : undefined;
  const after = typeof params.after === "string" ? params.after : undefined;
  const [{ t }, page, teamleads] = await Promise.all([getTranslator(), listTraders(admin.id, { teamLeadId, search, after }), listTeamleads(admin.id)]);
  // Requisites are blocked and unblocked with traders.manage; without it they are not shown.
  const requisites = canManage ? await listRequisiteBlocks(admin.id, { traderIds: page.rows.map((trader) => trader.id) }) : [];
  const requisitesOf = new Map<number, RequisiteBlockRow[]>();
  for (const requisite of requisites) requisitesOf.set(requisite.traderId, [...(requisitesOf.get(requisite.traderId) ?? []), requisite]);

  return (
    <>
      <PageHeader title={t("admin.traders.title")} description={t("admin.traders.description")} />
      <ListFilterForm
        idPrefix="traders"
        filter={{
          name: "team",
          label: t("admin.traders.team"),
          value: teamLeadId ? String(teamLeadId) : "",
          options: teamleads.map((lead) => ({ value: String(lead.id), label: lead.username })),
          className: "sm:w-64",
        }}
        search={search}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={t("admin.traders.empty")} />
      ) : (
        <DataTableCard columns={traderColumns(t, canManage)}>
          {page.rows.map((trader) => (
            <TraderRow
              key={trader.id}
              trader={trader}
              requisites={requisitesOf.get(trader.id) ?? []}
              teamleads={teamleads}
              canManage={canManage}
              canAdjustDeposits={canAdjustDeposits}
              t={t}
            />
          ))}
        </DataTableCard>
      )}
      <KeysetPagination
        path="/admin/traders"
        params={{ team: teamLeadId ? String(teamLeadId) : undefined, q: search }}
        cursorParam="after"
        nextCursor={page.nextCursor}
        onFirstPage={!after}
        labels={{ first: t("admin.common.firstPage"), next: t("admin.common.nextPage"), navigation: t("admin.common.pages") }}
      />
    </>
  );
}

/** The requisites column shows with traders.manage only. */
function traderColumns(t: Translate, canManage: boolean): DataTableColumn[] {
  return [
    t("admin.traders.trader"),
    t("admin.traders.team"),
    t("admin.traders.active"),
    t("admin.traders.traffic"),
    { label: t("admin.traders.priority"), align: "right" },
    { label: t("admin.traders.rewards"), align: "right" },
    { label: t("admin.traders.depositColumn"), align: "right" },
    ...(canManage ? [t("admin.traders.requisites")] : []),
    t("common.actions"),
  ];
}

interface TraderRowProps {
  trader: AdminTraderRow;
  requisites: RequisiteBlockRow[];
  teamleads: TeamleadOption[];
  canManage: boolean;
  canAdjustDeposits: boolean;
  t: Translate;
}

function TraderRow({ trader, requisites, teamleads, canManage, canAdjustDeposits, t }: TraderRowProps) {
  return (
    <TableRow data-trader={trader.email}>
      <TableCell className="min-w-48 whitespace-normal">
        <div className="font-medium">{trader.name ?? t("common.none")}</div>
        <div className="break-all text-xs text-muted-foreground">{trader.email}</div>
        {trader.isSandbox && <SandboxBadge label={t("merchant.sandbox.badge")} />}
      </TableCell>
      <TableCell>{trader.team ? trader.team.username : <span className="text-muted-foreground">{t("admin.traders.noTeam")}</span>}</TableCell>
      <TableCell>
        <ActionSwitch
          checked={trader.isActive}
          label={t("admin.traders.activeFor", { email: trader.email })}
          action={setTraderActiveAction.bind(null, trader.id)}
          disabled={!canManage}
        />
      </TableCell>
      <TableCell>
        <BooleanBadge value={trader.isTrafficEnabledByTeamlead} yes={t("admin.traders.trafficOn")} no={t("admin.traders.trafficOff")} />
      </TableCell>
      <TableCell className="tabular text-right">{trader.trafficPriority}</TableCell>
      <TableCell className="tabular text-right text-xs">
        <div>
          {t("admin.traders.payinShort")} {formatFractionAsPercent(trader.payinReward)}
        </div>
        <div>
          {t("admin.traders.payoutShort")} {formatFractionAsPercent(trader.payoutReward)}
        </div>
      </TableCell>
      <DepositCell deposit={trader.deposit} t={t} />
      {canManage ? <RequisitesCell requisites={requisites} t={t} /> : null}
      <TableCell>
        <div className="flex gap-2">
          {canManage ? (
            <EditTraderDialog
              trader={{ id: trader.id, email: trader.email, trafficPriority: trader.trafficPriority, payinReward: trader.payinReward, payoutReward: trader.payoutReward, teamLeadId: trader.team?.id ?? null }}
              teamleads={teamleads}
              action={updateTraderAction}
            />
          ) : null}
          {canAdjustDeposits ? <DepositDialog trader={{ id: trader.id, email: trader.email, ...trader.deposit }} action={adjustDepositAction} /> : null}
        </div>
      </TableCell>
    </TableRow>
  );
}

/** Available USDT, and what is held when anything is. */
function DepositCell({ deposit, t }: { deposit: AdminTraderRow["deposit"]; t: Translate }) {
  return (
    <TableCell className="text-right" data-testid="trader-deposit">
      <Money amount={deposit.available} exponent={deposit.exponent} code={deposit.code} />
      {deposit.held > 0n ? (
        <div className="text-xs text-muted-foreground">
          {t("admin.traders.held")}: <Money amount={deposit.held} exponent={deposit.exponent} code={deposit.code} />
        </div>
      ) : null}
    </TableCell>
  );
}

/** The trader's requisites, each with its block status and the block or unblock dialog. */
function RequisitesCell({ requisites, t }: { requisites: RequisiteBlockRow[]; t: Translate }) {
  const labelOf = (requisite: RequisiteBlockRow) => [requisiteTypeLabel(t, requisite.type), requisite.bankName, requisite.maskedNumber].filter(Boolean).join(" · ");
  return (
    <TableCell className="min-w-72">
      {requisites.length ? (
        <ul className="grid gap-3">
          {requisites.map((requisite) => (
            <li key={requisite.id} className="grid gap-1.5" data-testid="trader-requisite" data-requisite-id={requisite.id}>
              <span className="font-mono text-xs">{labelOf(requisite)}</span>
              <div className="flex flex-wrap items-start gap-2">
                <RequisiteBlockStatus status={requisite.status} reason={requisite.blockedReason} t={t} />
                <BlockRequisiteDialog
                  requisite={{ id: requisite.id, label: labelOf(requisite), status: requisite.status }}
                  action={requisite.status === "blocked" ? unblockRequisiteAction : blockRequisiteAction}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-muted-foreground">{t("admin.traders.noRequisites")}</span>
      )}
    </TableCell>
  );
}
