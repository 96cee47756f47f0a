"use client";

import { useState, type FormEvent } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Search, X } from "lucide-react";
import { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { ORDER_FILTER_PARAMS, type OrderFilterParam } from "@/lib/cabinet/merchant/order-filters";
import { normalizeDecimalInput } from "@/lib/cabinet/merchant/parse-amount";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { FieldError } from "./field-error";

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
        <div className="grid gap-2">
          <Label htmlFor={field("status")}>{t("merchant.orders.filters.status")}</Label>
          <NativeSelect id={field("status")} name="status" defaultValue={values.status ?? ""}>
            <option value="">{t("merchant.orders.filters.any")}</option>
            {Object.values(OrderStatus).map((status) => (
              <option key={status} value={status}>
                {t(`orders.status.${status}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-2">
          <Label htmlFor={field("type")}>{t("merchant.orders.filters.type")}</Label>
          <NativeSelect id={field("type")} name="type" defaultValue={values.type ?? ""}>
            <option value="">{t("merchant.orders.filters.any")}</option>
            {Object.values(OrderType).map((type) => (
              <option key={type} value={type}>
                {t(`orders.type.${type}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-2">
          <Label htmlFor={field("store")}>{t("merchant.orders.filters.store")}</Label>
          <NativeSelect id={field("store")} name="store" defaultValue={values.store ?? ""}>
            <option value="">{t("merchant.orders.filters.allStores")}</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </NativeSelect>
        </div>
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
            <div key={name} className="grid content-start gap-2">
              <Label htmlFor={field(name)}>{t(`merchant.orders.filters.${name}`)}</Label>
              <Input
                id={field(name)}
                name={name}
                inputMode="decimal"
                defaultValue={values[name]}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${field(name)}-error` : undefined}
              />
              <FieldError id={`${field(name)}-error`} message={errors[name]} />
            </div>
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
