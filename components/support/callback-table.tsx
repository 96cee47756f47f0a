import type { CallbackWithAttempts } from "@/lib/callbacks/serialize-callback";
import { getTranslator } from "@/lib/web/locale";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";

const VARIANTS: Record<CallbackWithAttempts["status"], BadgeProps["variant"]> = {
  pending: "secondary",
  delivering: "warning",
  succeeded: "success",
  failed: "destructive",
};

/** The merchant callbacks of an order, read-only (support sees what the merchant was told and whether it arrived). */
export async function CallbackTable({ callbacks }: { callbacks: CallbackWithAttempts[] }) {
  const { t } = await getTranslator();
  if (callbacks.length === 0) return <p className="text-sm text-muted-foreground">{t("support.order.callbacksEmpty")}</p>;
  const columns = [
    t("support.callbacks.sequence"),
    t("support.callbacks.event"),
    t("support.callbacks.status"),
    { label: t("support.callbacks.attempts"), align: "right" as const },
    t("support.callbacks.lastResponse"),
    t("support.callbacks.created"),
    t("support.callbacks.delivered"),
  ];
  return (
    <DataTableCard columns={columns}>
      {callbacks.map((callback) => (
        <TableRow key={callback.id.toString()}>
          <TableCell className="tabular">{callback.sequence}</TableCell>
          <TableCell className="font-mono text-xs">{callback.eventType}</TableCell>
          <TableCell>
            <Badge variant={VARIANTS[callback.status]}>{t(`support.callbacks.statuses.${callback.status}`)}</Badge>
          </TableCell>
          <TableCell className="tabular text-right">{callback.attempts}</TableCell>
          <TableCell className="max-w-64 truncate text-xs" title={callback.lastError ?? undefined}>
            {callback.lastStatusCode ?? callback.lastError ?? t("common.none")}
          </TableCell>
          <TableCell>
            <DateTime value={callback.createdAt} />
          </TableCell>
          <TableCell>
            <DateTime value={callback.deliveredAt} />
          </TableCell>
        </TableRow>
      ))}
    </DataTableCard>
  );
}
