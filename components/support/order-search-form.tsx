import Link from "next/link";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import type { SupportOrderSearch } from "@/lib/orders/search-orders";
import { getTranslator } from "@/lib/web/locale";
import { FilterSelect } from "@/components/cabinet/filter-select";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * The order search as a plain GET form: the filters live in the URL (shareable, back button
 * works) and it works before any JavaScript has loaded.
 */
export async function OrderSearchForm({ search, stores }: { search: SupportOrderSearch; stores: { id: number; name: string }[] }) {
  const { t } = await getTranslator();
  return (
    <form method="get" action="/support" role="search" className="mb-6 grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-[1fr_12rem_12rem_auto] sm:items-end">
      <div className="grid gap-2">
        <Label htmlFor="order-search-q">{t("support.orders.searchLabel")}</Label>
        <Input id="order-search-q" name="q" type="search" defaultValue={search.q ?? ""} placeholder={t("support.orders.searchPlaceholder")} maxLength={128} autoComplete="off" />
      </div>
      <FilterSelect
        id="order-search-store"
        name="store"
        label={t("support.orders.store")}
        allLabel={t("support.orders.allStores")}
        value={search.store ? String(search.store) : undefined}
        options={stores.map((store) => ({ value: store.id, label: store.name }))}
      />
      <FilterSelect
        id="order-search-status"
        name="status"
        label={t("support.orders.status")}
        allLabel={t("support.orders.allStatuses")}
        value={search.status}
        options={Object.values(OrderStatus).map((status) => ({ value: status, label: t(`orders.status.${status}`) }))}
      />
      <div className="flex gap-2">
        <Button type="submit">{t("support.orders.submit")}</Button>
        <Link href="/support" className={buttonVariants({ variant: "outline" })}>
          {t("support.orders.reset")}
        </Link>
      </div>
    </form>
  );
}
