import type { ComponentProps } from "react";
import Link from "next/link";
import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import { auditFiltersSchema, listAuditLogs, listAuditVocabulary, type AuditFilters, type AuditLogRow } from "@/lib/audit/list-audit-logs";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { AuditDiff } from "@/components/admin/audit-diff";
import { KeysetPagination } from "@/components/admin/pagination";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { FilterSelect } from "@/components/cabinet/filter-select";
import { PageHeader } from "@/components/cabinet/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TableCell, TableRow } from "@/components/ui/table";

export const generateMetadata = adminMetadata("admin.audit.title");

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission("admin", "audit.read");
  const raw = await searchParams;
  const filters = auditFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" && v !== "" ? v : undefined])));
  const [{ t }, page, vocabulary] = await Promise.all([getTranslator(), listAuditLogs(admin.id, filters), listAuditVocabulary(admin.id)]);
  const { cursor, ...activeFilters } = filters;
  const filtered = Object.values(activeFilters).some(Boolean);

  const columns = [t("admin.audit.when"), t("admin.audit.actor"), t("admin.audit.actionAndEntity"), t("admin.audit.changes")];
  return (
    <>
      <PageHeader title={t("admin.audit.title")} description={t("admin.audit.description")} />
      <AuditFilterForm filters={filters} vocabulary={vocabulary} filtered={filtered} t={t} />
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? t("admin.audit.emptyFiltered") : t("admin.audit.empty")} />
      ) : (
        <DataTableCard columns={columns}>
          {page.rows.map((row) => (
            <AuditRow key={row.id.toString()} row={row} t={t} />
          ))}
        </DataTableCard>
      )}
      <KeysetPagination
        path="/admin/audit"
        params={activeFilters}
        cursorParam="cursor"
        nextCursor={page.nextCursor}
        onFirstPage={!cursor}
        labels={{ first: t("admin.audit.newest"), next: t("admin.audit.older"), navigation: t("admin.common.pages") }}
      />
    </>
  );
}

/** The GET form of the filters (they live in the URL); "reset" shows while any is set. */
function AuditFilterForm({
  filters,
  vocabulary,
  filtered,
  t,
}: {
  filters: AuditFilters;
  vocabulary: { actions: string[]; entityTypes: string[] };
  filtered: boolean;
  t: Translate;
}) {
  return (
    <form method="get" role="search" aria-label={t("admin.audit.filters")} className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <TextFilter id="audit-actor" name="actor" label={t("admin.audit.actorEmail")} value={filters.actor} type="email" autoComplete="off" />
      <FilterSelect
        id="audit-action"
        name="action"
        label={t("admin.audit.action")}
        allLabel={t("admin.common.all")}
        value={filters.action}
        options={vocabulary.actions.map((action) => ({ value: action, label: action }))}
      />
      <FilterSelect
        id="audit-entity-type"
        name="entityType"
        label={t("admin.audit.entityType")}
        allLabel={t("admin.common.all")}
        value={filters.entityType}
        options={vocabulary.entityTypes.map((type) => ({ value: type, label: type }))}
      />
      <TextFilter id="audit-entity-id" name="entityId" label={t("admin.audit.entityId")} value={filters.entityId} autoComplete="off" />
      <TextFilter id="audit-from" name="from" label={t("admin.audit.from")} value={filters.from} type="date" />
      <TextFilter id="audit-to" name="to" label={t("admin.audit.to")} value={filters.to} type="date" />
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" variant="secondary">
          {t("common.filter")}
        </Button>
        {filtered ? (
          <Link href="/admin/audit" className={buttonVariants({ variant: "ghost" })}>
            {t("common.reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** A labelled input of the filter form. */
function TextFilter({
  id,
  name,
  label,
  value,
  type,
  autoComplete,
}: { id: string; name: string; label: string; value: string | undefined } & Pick<ComponentProps<"input">, "type" | "autoComplete">) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} type={type} defaultValue={value ?? ""} autoComplete={autoComplete} />
    </div>
  );
}

/** An entry: when, who (and from where), what on which entity (a link to its history), and the change. */
function AuditRow({ row, t }: { row: AuditLogRow; t: Translate }) {
  return (
    <TableRow data-audit-action={row.action} data-entity={`${row.entityType}:${row.entityId ?? ""}`} className="align-top">
      <TableCell className="align-top">
        <DateTime value={row.createdAt} />
      </TableCell>
      <TableCell className="align-top">
        <div className="max-w-44 truncate" title={row.actorEmail ?? undefined}>
          {row.actorEmail ?? row.actorType}
        </div>
        {row.ip ? <div className="text-xs text-muted-foreground">{row.ip}</div> : null}
        {row.requestId ? <div className="max-w-44 truncate font-mono text-xs text-muted-foreground" title={row.requestId}>{row.requestId}</div> : null}
      </TableCell>
      <TableCell className="min-w-48 max-w-64 whitespace-normal align-top">
        <div className="break-all font-mono text-xs font-medium">{row.action}</div>
        <Link
          href={`/admin/audit?entityType=${encodeURIComponent(row.entityType)}${row.entityId ? `&entityId=${encodeURIComponent(row.entityId)}` : ""}`}
          className="break-all font-mono text-xs text-muted-foreground underline-offset-4 hover:underline"
          title={t("admin.audit.historyOf")}
        >
          {row.entityType}
          {row.entityId ? ` #${row.entityId}` : ""}
        </Link>
      </TableCell>
      <TableCell className="w-full min-w-72 whitespace-normal align-top">
        <AuditDiff oldValues={row.oldValues} newValues={row.newValues} labels={{ none: t("common.none") }} />
      </TableCell>
    </TableRow>
  );
}
