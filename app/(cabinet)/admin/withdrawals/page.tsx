import Link from "next/link";
import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import { listWithdrawals, type AdminWithdrawalRow } from "@/lib/withdrawals/list-withdrawals";
import type { WithdrawalStatus } from "@/lib/generated/prisma/enums";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { KeysetPagination } from "@/components/admin/pagination";
import { WithdrawalDecisionDialog } from "@/components/admin/withdrawal-decision-dialog";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { cn } from "@/components/ui/cn";
import { TableCell, TableRow } from "@/components/ui/table";
import { decideWithdrawalAction } from "./actions";

export const generateMetadata = adminMetadata("admin.withdrawals.title");

const STATUSES: WithdrawalStatus[] = ["pending", "approved", "rejected"];

export default async function AdminWithdrawalsPage({ searchParams }: { searchParams: Promise<{ status?: string; after?: string }> }) {
  const admin = await requirePermission("admin", "withdrawals.approve");
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status) ?? "pending";
  const after = typeof params.after === "string" ? params.after : undefined;
  const [{ t }, page] = await Promise.all([getTranslator(), listWithdrawals(admin.id, status, { after })]);
  const pending = status === "pending";

  const columns = [
    t("admin.withdrawals.request"),
    t("admin.withdrawals.store"),
    { label: t("admin.withdrawals.amount"), align: "right" as const },
    t("admin.withdrawals.address"),
    pending ? t("common.actions") : t("admin.withdrawals.decision"),
  ];
  return (
    <>
      <PageHeader title={t("admin.withdrawals.title")} description={t("admin.withdrawals.description")} />
      <StatusNav status={status} t={t} />
      {page.rows.length === 0 ? (
        <EmptyState title={pending ? t("admin.withdrawals.emptyPending") : t("admin.withdrawals.empty")} />
      ) : (
        <DataTableCard columns={columns}>
          {page.rows.map((w) => (
            <WithdrawalRow key={w.id} withdrawal={w} pending={pending} t={t} />
          ))}
        </DataTableCard>
      )}
      <KeysetPagination
        path="/admin/withdrawals"
        params={{ status }}
        cursorParam="after"
        nextCursor={page.nextCursor}
        onFirstPage={!after}
        labels={{ first: t("admin.common.firstPage"), next: t("admin.common.nextPage"), navigation: t("admin.common.pages") }}
      />
    </>
  );
}

/** One link per status, the shown one marked current. */
function StatusNav({ status, t }: { status: WithdrawalStatus; t: Translate }) {
  return (
    <nav aria-label={t("admin.withdrawals.byStatus")} className="mb-4 flex flex-wrap gap-2">
      {STATUSES.map((option) => (
        <Link
          key={option}
          href={`/admin/withdrawals?status=${option}`}
          aria-current={option === status ? "page" : undefined}
          className={cn(
            "rounded-md border px-3 py-1 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground",
            option === status && "bg-accent text-accent-foreground",
          )}
        >
          {t(`admin.withdrawals.status.${option}`)}
        </Link>
      ))}
    </nav>
  );
}

/** A request: the decision dialog while `pending`, else who decided, when, and their note. */
function WithdrawalRow({ withdrawal: w, pending, t }: { withdrawal: AdminWithdrawalRow; pending: boolean; t: Translate }) {
  return (
    <TableRow data-withdrawal={w.id}>
      <TableCell>
        <div className="font-mono text-xs">#{w.id}</div>
        <DateTime value={w.createdAt} />
      </TableCell>
      <TableCell className="min-w-40 whitespace-normal">
        <div className="font-medium">{w.storeName}</div>
        <div className="break-all text-xs text-muted-foreground">{w.ownerEmail}</div>
      </TableCell>
      <TableCell className="text-right">
        <Money amount={w.amount} exponent={w.exponent} code={w.currencyCode} />
      </TableCell>
      <TableCell className="max-w-56 whitespace-normal break-all font-mono text-xs">{w.address}</TableCell>
      <TableCell className="min-w-48 whitespace-normal">
        {pending ? (
          <WithdrawalDecisionDialog
            withdrawal={{ id: w.id, storeName: w.storeName, amount: w.amount, exponent: w.exponent, currencyCode: w.currencyCode, address: w.address }}
            action={decideWithdrawalAction}
          />
        ) : (
          <div className="grid gap-0.5 text-xs">
            <span>
              {w.decidedByEmail ?? t("common.none")} · <DateTime value={w.decidedAt} />
            </span>
            {w.note ? <span className="text-muted-foreground">{w.note}</span> : null}
          </div>
        )}
      </TableCell>
    </TableRow>
  );
}
