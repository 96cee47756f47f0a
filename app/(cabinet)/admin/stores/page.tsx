import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/config";
import { getCallbackEndpointHealth, type CallbackEndpointHealth } from "@/lib/callbacks/callback-breaker-states";
import { EndpointHealth } from "@/components/callbacks/endpoint-health";
import { listMerchantOptions, listStores, type AdminStoreRow } from "@/lib/stores/list-stores";
import { ActionSwitch } from "@/components/admin/action-switch";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { CreateStoreDialog } from "@/components/admin/create-store-dialog";
import { EditStoreDialog } from "@/components/admin/edit-store-dialog";
import { KeysetPagination } from "@/components/admin/pagination";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { formatJsonInline } from "@/lib/format/json";
import { formatFractionAsPercent } from "@/lib/format/money";
import { TableCell, TableRow } from "@/components/ui/table";
import { SandboxBadge } from "@/components/merchant/sandbox-badge";
import { createStoreAction, setStoreActiveAction, updateStoreAction } from "./actions";

export const generateMetadata = adminMetadata("admin.stores.title");

export default async function AdminStoresPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const admin = await requirePermission("admin", "stores.manage");
  const { after } = await searchParams;
  const cursor = typeof after === "string" ? after : undefined;
  const [{ t, locale }, page, merchants] = await Promise.all([getTranslator(), listStores(admin.id, { after: cursor }), listMerchantOptions(admin.id)]);
  const health = await getCallbackEndpointHealth(page.rows.map((store) => store.id));

  const columns = [
    t("admin.stores.store"),
    { label: t("admin.stores.payin"), align: "right" as const },
    { label: t("admin.stores.payout"), align: "right" as const },
    t("admin.stores.limits"),
    { label: t("admin.stores.balance"), align: "right" as const },
    t("admin.stores.active"),
    t("common.actions"),
  ];
  return (
    <>
      <PageHeader title={t("admin.stores.title")} description={t("admin.stores.description")}>
        <CreateStoreDialog merchants={merchants} action={createStoreAction} />
      </PageHeader>
      {page.rows.length === 0 ? (
        <EmptyState title={t("admin.stores.empty")} />
      ) : (
        <DataTableCard columns={columns}>
          {page.rows.map((store) => (
            <StoreRow key={store.id} store={store} health={health.get(store.id)!} t={t} locale={locale} />
          ))}
        </DataTableCard>
      )}
      <KeysetPagination
        path="/admin/stores"
        params={{}}
        cursorParam="after"
        nextCursor={page.nextCursor}
        onFirstPage={!cursor}
        labels={{ first: t("admin.common.firstPage"), next: t("admin.common.nextPage"), navigation: t("admin.common.pages") }}
      />
    </>
  );
}

function StoreRow({ store, health, t, locale }: { store: AdminStoreRow; health: CallbackEndpointHealth; t: Translate; locale: Locale }) {
  return (
    <TableRow data-store={store.name}>
      <TableCell className="min-w-48 whitespace-normal">
        <div className="font-medium">{store.name}</div>
        {store.isSandbox && <SandboxBadge label={t("merchant.sandbox.badge")} />}
        <div className="break-all text-xs text-muted-foreground">{store.ownerEmail}</div>
        {health.state !== "healthy" && <EndpointHealth className="mt-1 text-xs" health={health} t={t} locale={locale} />}
      </TableCell>
      <TableCell className="tabular text-right">{formatFractionAsPercent(store.payinCommission)}</TableCell>
      <TableCell className="tabular text-right">{formatFractionAsPercent(store.payoutCommission)}</TableCell>
      <TableCell className="min-w-40 max-w-64 whitespace-normal">
        <code className="break-words font-mono text-xs">{formatJsonInline(store.limits)}</code>
      </TableCell>
      <TableCell className="text-right">
        {store.balances.length === 0 ? (
          <span className="text-muted-foreground">{t("common.none")}</span>
        ) : (
          <div className="grid justify-items-end gap-0.5">
            {store.balances.map((b) => (
              <Money key={b.currencyCode} amount={b.available} exponent={b.exponent} code={b.currencyCode} />
            ))}
          </div>
        )}
      </TableCell>
      <TableCell>
        <ActionSwitch checked={store.isActive} label={t("admin.stores.activeFor", { name: store.name })} action={setStoreActiveAction.bind(null, store.id)} />
      </TableCell>
      <TableCell>
        <EditStoreDialog
          store={{
            id: store.id,
            name: store.name,
            payinCommission: store.payinCommission,
            payoutCommission: store.payoutCommission,
            limitsText: JSON.stringify(store.limits, null, 2),
          }}
          action={updateStoreAction}
        />
      </TableCell>
    </TableRow>
  );
}
