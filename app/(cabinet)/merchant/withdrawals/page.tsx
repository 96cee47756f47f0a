import Link from "next/link";
import { listStoresWithBalances } from "@/lib/stores/list-stores-with-balances";
import { requireRole } from "@/lib/web/session";
import { listMerchantWithdrawals, type MerchantWithdrawal } from "@/lib/withdrawals/store-withdrawals";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { TitledCard } from "@/components/cabinet/titled-card";
import { merchantMetadata } from "@/components/merchant/merchant-metadata";
import { WithdrawalForm } from "@/components/merchant/withdrawal-form";
import { WithdrawalStatusBadge } from "@/components/merchant/withdrawal-status-badge";
import { buttonVariants } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import { requestWithdrawalAction } from "./actions";

export const generateMetadata = merchantMetadata("merchant.withdrawals.title");

const USDT = "USDT";

export default async function MerchantWithdrawalsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireRole("merchant");
  const { t } = await getTranslator();
  const before = Number((await searchParams).before);
  const [stores, withdrawals] = await Promise.all([
    // Sandbox stores' balances are test money: never offered for withdrawal.
    listStoresWithBalances(user.id, "live"),
    listMerchantWithdrawals(user.id, { beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined }),
  ]);
  const options = stores.map((store) => {
    const usdt = store.balances.find((b) => b.currencyCode === USDT);
    return { id: store.id, name: store.name, available: usdt?.available ?? 0n, exponent: usdt?.exponent ?? 6 };
  });

  return (
    <>
      <PageHeader title={t("merchant.withdrawals.title")} description={t("merchant.withdrawals.description")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <TitledCard title={t("merchant.withdrawals.request")} description={t("merchant.withdrawals.requestHint")} className="lg:col-span-2">
          {options.length === 0 ? <EmptyState title={t("merchant.stores.none")} /> : <WithdrawalForm stores={options} currency={USDT} submit={requestWithdrawalAction} />}
        </TitledCard>
        <WithdrawalHistory rows={withdrawals.rows} nextBeforeId={withdrawals.nextBeforeId} t={t} />
      </div>
    </>
  );
}

/** The merchant's withdrawal requests, newest first, with a link to the older ones. */
function WithdrawalHistory({ rows, nextBeforeId, t }: { rows: MerchantWithdrawal[]; nextBeforeId: number | null; t: Translate }) {
  return (
    <section aria-labelledby="withdrawals-heading" className="grid min-w-0 grid-cols-1 content-start gap-3 lg:col-span-3">
      <h2 id="withdrawals-heading" className="text-lg font-semibold tracking-tight">
        {t("merchant.withdrawals.history")}
      </h2>
      {rows.length === 0 ? (
        <EmptyState title={t("merchant.withdrawals.none")} />
      ) : (
        <DataTableCard
          columns={[
            t("merchant.withdrawals.columns.created"),
            t("merchant.withdrawals.columns.store"),
            { label: t("merchant.withdrawals.columns.amount"), align: "right" },
            t("merchant.withdrawals.columns.address"),
            t("merchant.withdrawals.columns.status"),
          ]}
        >
          {rows.map((withdrawal) => (
            <WithdrawalRow key={withdrawal.id} withdrawal={withdrawal} />
          ))}
        </DataTableCard>
      )}
      {nextBeforeId ? (
        <Link href={`/merchant/withdrawals?before=${nextBeforeId}`} className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}>
          {t("merchant.orders.older")}
        </Link>
      ) : null}
    </section>
  );
}

function WithdrawalRow({ withdrawal: w }: { withdrawal: MerchantWithdrawal }) {
  return (
    <TableRow data-withdrawal-id={w.id}>
      <TableCell>
        <DateTime value={w.createdAt} />
      </TableCell>
      <TableCell className="max-w-32 truncate">{w.store.name}</TableCell>
      <TableCell className="text-right">
        <Money amount={w.amount} exponent={w.currency.exponent} code={w.currency.code} />
      </TableCell>
      <TableCell className="max-w-40 truncate font-mono text-xs" title={w.address}>
        {w.address}
      </TableCell>
      <TableCell>
        <div className="grid gap-1">
          <WithdrawalStatusBadge status={w.status} />
          {w.note ? <span className="max-w-56 whitespace-normal text-xs text-muted-foreground">{w.note}</span> : null}
        </div>
      </TableCell>
    </TableRow>
  );
}
