import Link from "next/link";
import { ChevronLeft, ChevronRight, Download } from "lucide-react";
import { listMerchantOrders, type MerchantOrdersPage as OrdersPage } from "@/lib/orders/list-merchant-orders";
import { requireRole } from "@/lib/web/session";
import { ordersFilterSearch, parseOrdersQuery, type OrderFilterParam, type OrdersPageQuery } from "@/lib/orders/order-filters";
import { listOwnedStoreNames } from "@/lib/stores/owned-stores";
import { getTranslator } from "@/lib/web/locale";
import { getMerchantDataWorld } from "@/lib/web/merchant-data-world";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { MerchantOrdersTable } from "@/components/merchant/merchant-orders-table";
import { merchantMetadata } from "@/components/merchant/merchant-metadata";
import { OrderFiltersForm, type OrderFilterValues } from "@/components/merchant/order-filters-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";

export const generateMetadata = merchantMetadata("merchant.orders.title");

type SearchParams = Record<string, string | string[] | undefined>;

export default async function MerchantOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("merchant");
  const { t } = await getTranslator();
  const params = await searchParams;
  const query = parseOrdersQuery(params);
  const world = await getMerchantDataWorld();
  const [page, stores] = await Promise.all([listMerchantOrders(user.id, { ...query, world }), listOwnedStoreNames(user.id, world)]);

  const filterSearch = ordersFilterSearch(params);
  const values = Object.fromEntries(filterSearch) as OrderFilterValues;
  const filtered = filterSearch.size > 0;

  return (
    <>
      <PageHeader title={t("merchant.orders.title")} description={t("merchant.orders.description")}>
        <a href={`/api/cabinet/merchant/orders/export?${filterSearch}`} download className={buttonVariants({ variant: "outline" })}>
          <Download className="size-4" aria-hidden="true" />
          {t("merchant.orders.export")}
        </a>
      </PageHeader>
      <div className="grid grid-cols-1 gap-4">
        {/* Re-mounted when the URL changes (back button), so the fields show the filters in force. */}
        <OrderFiltersForm key={filterSearch.toString()} values={values} stores={stores} />
        {query.invalid.length > 0 ? <InvalidFiltersAlert invalid={query.invalid} t={t} /> : null}
        {page.rows.length === 0 ? <NoOrders filtered={filtered} t={t} /> : <MerchantOrdersTable rows={page.rows} t={t} />}
        <OrdersPagination page={page} query={query} filterSearch={filterSearch} t={t} />
      </div>
    </>
  );
}

/** The filters in the URL the page could not understand, by their field names. */
function InvalidFiltersAlert({ invalid, t }: { invalid: OrderFilterParam[]; t: Translate }) {
  return (
    <Alert variant="destructive">
      <AlertDescription>{t("merchant.orders.invalidFilters", { fields: invalid.map((name) => t(`merchant.orders.filters.${name === "q" ? "search" : name}`)).join(", ") })}</AlertDescription>
    </Alert>
  );
}

/** No orders yet, or none that match the filters (with a way to clear them). */
function NoOrders({ filtered, t }: { filtered: boolean; t: Translate }) {
  return (
    <EmptyState title={filtered ? t("merchant.orders.noMatches") : t("orders.empty")}>
      {filtered ? (
        <Link href="/merchant/orders" className="underline underline-offset-4">
          {t("merchant.orders.clearFilters")}
        </Link>
      ) : null}
    </EmptyState>
  );
}

/** Newer, first page and older: links that keep the filters in force. */
function OrdersPagination({ page, query, filterSearch, t }: { page: OrdersPage; query: OrdersPageQuery; filterSearch: URLSearchParams; t: Translate }) {
  const pageLink = (cursor: { after?: string; before?: string }) => {
    const search = new URLSearchParams(filterSearch);
    for (const [name, value] of Object.entries(cursor)) if (value) search.set(name, value);
    return `/merchant/orders?${search}`;
  };
  return (
    <nav aria-label={t("merchant.orders.pagination")} className="flex flex-wrap items-center justify-between gap-2">
      {page.newer ? (
        <Link href={pageLink({ before: page.newer })} className={buttonVariants({ variant: "outline", size: "sm" })} rel="prev">
          <ChevronLeft className="size-4" aria-hidden="true" />
          {t("merchant.orders.newer")}
        </Link>
      ) : (
        <span />
      )}
      {query.after || query.before ? (
        <Link href={pageLink({})} className="text-sm text-muted-foreground underline-offset-4 hover:underline">
          {t("merchant.orders.firstPage")}
        </Link>
      ) : null}
      {page.older ? (
        <Link href={pageLink({ after: page.older })} className={buttonVariants({ variant: "outline", size: "sm" })} rel="next">
          {t("merchant.orders.older")}
          <ChevronRight className="size-4" aria-hidden="true" />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
