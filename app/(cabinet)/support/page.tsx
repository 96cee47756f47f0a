import Link from "next/link";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { listStoresForSearch, searchSupportOrders, supportOrderSearchSchema } from "@/lib/orders/search-orders";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { PageHeader } from "@/components/cabinet/page-header";
import { OrderSearchForm } from "@/components/support/order-search-form";
import { SupportOrdersTable } from "@/components/support/support-orders-table";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return cabinetMetadata("support", t("support.orders.title"))();
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SupportHomePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("support");
  const { t } = await getTranslator();
  const raw = await searchParams;
  const search = supportOrderSearchSchema.parse({ q: raw.q, store: raw.store, status: raw.status, after: raw.after });
  const [page, stores] = await Promise.all([searchSupportOrders(user.id, search), listStoresForSearch(user.id)]);
  const pageLink = (after?: string) => {
    const params = new URLSearchParams();
    if (search.q) params.set("q", search.q);
    if (search.store) params.set("store", String(search.store));
    if (search.status) params.set("status", search.status);
    if (after) params.set("after", after);
    const query = params.toString();
    return query ? `/support?${query}` : "/support";
  };

  return (
    <>
      <PageHeader title={t("support.orders.title")} description={t("support.orders.description")} />
      <OrderSearchForm search={search} stores={stores} />
      <SupportOrdersTable orders={page.orders} />
      {search.after || page.nextAfter ? (
        <nav aria-label={t("support.orders.pagination")} className="mt-4 flex justify-end gap-2">
          {search.after ? (
            <Link href={pageLink()} className={buttonVariants({ variant: "outline", size: "sm" })}>
              {t("support.orders.firstPage")}
            </Link>
          ) : null}
          {page.nextAfter ? (
            <Link href={pageLink(page.nextAfter)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              {t("support.orders.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
