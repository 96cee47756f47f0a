import type { ComponentProps } from "react";
import { getTranslator } from "@/lib/web/locale";
import { FilterSelect } from "@/components/cabinet/filter-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** The list's select: its query parameter (`name`, e.g. "role"), label, chosen value and options. */
export type ListFilter = Omit<ComponentProps<typeof FilterSelect>, "id" | "allLabel">;

/**
 * The GET form above an admin list: one select and a text search (`q`). The filters live in the
 * URL (shareable, the back button works) and it works before any JavaScript has loaded.
 */
export async function ListFilterForm({ idPrefix, filter, search }: { idPrefix: string; filter: ListFilter; search: string | undefined }) {
  const { t } = await getTranslator();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form method="get" role="search" className="mb-4 grid gap-3 sm:flex sm:items-end">
      <FilterSelect id={id(filter.name)} allLabel={t("admin.common.all")} {...filter} />
      <div className="grid gap-2 sm:w-72">
        <Label htmlFor={id("q")}>{t("admin.users.search")}</Label>
        <Input id={id("q")} name="q" type="search" defaultValue={search ?? ""} placeholder={t("admin.users.searchPlaceholder")} />
      </div>
      <Button type="submit" variant="secondary">
        {t("common.filter")}
      </Button>
    </form>
  );
}
