"use client";

import { useState, type ComponentProps, type FormEvent } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Search, X } from "lucide-react";
import { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { ORDER_FILTER_PARAMS, type OrderFilterParam } from "@/lib/orders/order-filters";
import { normalizeDecimalInput } from "@/lib/money/parse-amount";
import type { Locale } from "@/lib/i18n/config";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { FilterSelect } from "@/components/cabinet/filter-select";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/components/ui/cn";

export type OrderFilterValues = Partial<Record<OrderFilterParam, string>>;

type AmountErrors = Partial<Record<"min" | "max", string>>;

const fieldId = (name: OrderFilterParam) => `filter-${name}`;

/**
 * The filled-in filters as URL params, amounts in their canonical form; an amount that cannot
 * be read is an error instead.
 */
function readFilters(data: FormData, locale: Locale, invalidAmount: string): { search: URLSearchParams; problems: AmountErrors } {
  const search = new URLSearchParams();
  const problems: AmountErrors = {};
  for (const name of ORDER_FILTER_PARAMS) {
    const raw = String(data.get(name) ?? "").trim();
    if (!raw) continue;
    if (name === "min" || name === "max") {
      const decimal = normalizeDecimalInput(raw, locale);
      if (decimal === null) problems[name] = invalidAmount;
      else search.set(name, decimal);
    } else search.set(name, raw);
  }
  return { search, problems };
}

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
  const [errors, setErrors] = useState<AmountErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { search, problems } = readFilters(new FormData(event.currentTarget), locale, t("merchant.errors.invalidAmount"));
    setErrors(problems);
    if (Object.keys(problems).length === 0) router.push(search.size ? `${pathname}?${search}` : pathname);
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t("merchant.orders.filters.title")} className="grid min-w-0 grid-cols-1 gap-4 rounded-xl border bg-card p-4" noValidate>
      <FilterFields values={values} stores={stores} errors={errors} />
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

/** Search, status, type, store, the creation dates and the amount range, showing the filters in force. */
function FilterFields({ values, stores, errors }: { values: OrderFilterValues; stores: { id: number; name: string }[]; errors: AmountErrors }) {
  const t = useT();
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterInput name="q" label={t("merchant.orders.filters.search")} className="sm:col-span-2" defaultValue={values.q} placeholder={t("merchant.orders.filters.searchPlaceholder")} maxLength={128} />
      <FilterSelect
        id={fieldId("status")}
        name="status"
        label={t("merchant.orders.filters.status")}
        allLabel={t("merchant.orders.filters.any")}
        value={values.status}
        options={Object.values(OrderStatus).map((status) => ({ value: status, label: t(`orders.status.${status}`) }))}
      />
      <FilterSelect
        id={fieldId("type")}
        name="type"
        label={t("merchant.orders.filters.type")}
        allLabel={t("merchant.orders.filters.any")}
        value={values.type}
        options={Object.values(OrderType).map((type) => ({ value: type, label: t(`orders.type.${type}`) }))}
      />
      <FilterSelect
        id={fieldId("store")}
        name="store"
        label={t("merchant.orders.filters.store")}
        allLabel={t("merchant.orders.filters.allStores")}
        value={values.store}
        options={stores.map((store) => ({ value: store.id, label: store.name }))}
      />
      <FilterInput name="from" label={t("merchant.orders.filters.from")} type="date" defaultValue={values.from} />
      <FilterInput name="to" label={t("merchant.orders.filters.to")} type="date" defaultValue={values.to} />
      <div className="grid grid-cols-2 gap-3">
        {(["min", "max"] as const).map((name) => (
          <FormField key={name} id={fieldId(name)} name={name} label={t(`merchant.orders.filters.${name}`)} error={errors[name]}>
            {(control) => <Input {...control} inputMode="decimal" defaultValue={values[name]} />}
          </FormField>
        ))}
      </div>
    </div>
  );
}

/** A labelled text or date filter, named and identified by its URL param. */
function FilterInput({ name, label, className, ...input }: { name: OrderFilterParam; label: string; className?: string } & Omit<ComponentProps<typeof Input>, "id" | "name">) {
  return (
    <div className={cn("grid gap-2", className)}>
      <Label htmlFor={fieldId(name)}>{label}</Label>
      <Input id={fieldId(name)} name={name} {...input} />
    </div>
  );
}
