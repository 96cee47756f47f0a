"use client";

import { useState, type FormEvent } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Search, X } from "lucide-react";
import { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { ORDER_FILTER_PARAMS, type OrderFilterParam } from "@/lib/orders/order-filters";
import { normalizeDecimalInput } from "@/lib/money/parse-amount";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { FilterSelect } from "@/components/cabinet/filter-select";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type OrderFilterValues = Partial<Record<OrderFilterParam, string>>;

/**
 * The orders filters. Applying them navigates to a URL that carries them (a new history entry:
 * shareable, and the back button returns to the previous filters); amounts are written into
 * the URL in one canonical form ("1234.5"), whatever the reader's language.
 */
export function OrderFiltersForm({ values, stores }: { values: OrderFilterValues; stores: { id: number; name: string }[] }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [errors, setErrors] = useState<Partial<Record<"min" | "max", string>>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const search = new URLSearchParams();
    const problems: typeof errors = {};
    for (const name of ORDER_FILTER_PARAMS) {
      const raw = String(data.get(name) ?? "").trim();
      if (!raw) continue;
      if (name === "min" || name === "max") {
        const decimal = normalizeDecimalInput(raw, locale);
        if (decimal === null) problems[name] = t("merchant.errors.invalidAmount");
        else search.set(name, decimal);
      } else search.set(name, raw);
    }
    setErrors(problems);
    if (Object.keys(problems).length === 0) router.push(search.size ? `${pathname}?${search}` : pathname);
  }

  const field = (name: OrderFilterParam) => `filter-${name}`;
  return (
    <form onSubmit={submit} role="search" aria-label={t("merchant.orders.filters.title")} className="grid min-w-0 grid-cols-1 gap-4 rounded-xl border bg-card p-4" noValidate>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="grid gap-2 sm:col-span-2">
          <Label htmlFor={field("q")}>{t("merchant.orders.filters.search")}</Label>
          <Input id={field("q")} name="q" defaultValue={values.q} placeholder={t("merchant.orders.filters.searchPlaceholder")} maxLength={128} />
        </div>
        <FilterSelect
          id={field("status")}
          name="status"
          label={t("merchant.orders.filters.status")}
          allLabel={t("merchant.orders.filters.any")}
          value={values.status}
          options={Object.values(OrderStatus).map((status) => ({ value: status, label: t(`orders.status.${status}`) }))}
        />
        <FilterSelect
          id={field("type")}
          name="type"
          label={t("merchant.orders.filters.type")}
          allLabel={t("merchant.orders.filters.any")}
          value={values.type}
          options={Object.values(OrderType).map((type) => ({ value: type, label: t(`orders.type.${type}`) }))}
        />
        <FilterSelect
          id={field("store")}
          name="store"
          label={t("merchant.orders.filters.store")}
          allLabel={t("merchant.orders.filters.allStores")}
          value={values.store}
          options={stores.map((store) => ({ value: store.id, label: store.name }))}
        />
        <div className="grid gap-2">
          <Label htmlFor={field("from")}>{t("merchant.orders.filters.from")}</Label>
          <Input id={field("from")} name="from" type="date" defaultValue={values.from} />
        </div>
        <div className="grid gap-2">
          <Label htmlFor={field("to")}>{t("merchant.orders.filters.to")}</Label>
          <Input id={field("to")} name="to" type="date" defaultValue={values.to} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          {(["min", "max"] as const).map((name) => (
            <FormField key={name} id={field(name)} name={name} label={t(`merchant.orders.filters.${name}`)} error={errors[name]}>
              {(control) => <Input {...control} inputMode="decimal" defaultValue={values[name]} />}
            </FormField>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">
          <Search className="size-4" aria-hidden="true" />
          {t("merchant.orders.filters.apply")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push(pathname)}>
          <X className="size-4" aria-hidden="true" />
          {t("common.reset")}
        </Button>
      </div>
    </form>
  );
}
