import Link from "next/link";
import type { OrderRow } from "@/lib/cabinet/merchant/order-keyset";
import type { Translate } from "@/lib/i18n/translate";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { TableCell, TableRow } from "@/components/ui/table";

/** The merchant's orders; each row links to its order page. Narrow screens scroll the table sideways. */
export function MerchantOrdersTable({ rows, t }: { rows: OrderRow[]; t: Translate }) {
  const columns = [
    t("orders.columns.order"),
    t("orders.columns.type"),
    t("orders.columns.store"),
    t("merchant.orders.columns.customer"),
    { label: t("orders.columns.amount"), align: "right" as const },
    t("orders.columns.status"),
    t("orders.columns.created"),
  ];
  return (
    <DataTableCard columns={columns}>
      {rows.map((order) => (
        <TableRow key={order.id} data-order-id={order.id}>
          <TableCell>
            <Link href={`/merchant/orders/${order.id}`} className="font-mono text-xs font-medium underline-offset-4 hover:underline">
              {order.id}
            </Link>
            <div className="max-w-48 truncate text-xs text-muted-foreground" title={order.merchantOrderId}>
              {order.merchantOrderId}
            </div>
          </TableCell>
          <TableCell>{t(`orders.type.${order.type}`)}</TableCell>
          <TableCell className="max-w-40 truncate" title={order.store.name}>
            {order.store.name}
          </TableCell>
          <TableCell className="max-w-40 truncate text-xs" title={order.customerId}>
            {order.customerId}
          </TableCell>
          <TableCell className="text-right">
            <Money amount={order.amount} exponent={order.currency.exponent} code={order.currency.code} />
          </TableCell>
          <TableCell>
            <OrderStatusBadge status={order.status} />
          </TableCell>
          <TableCell>
            <DateTime value={order.createdAt} />
          </TableCell>
        </TableRow>
      ))}
    </DataTableCard>
  );
}
