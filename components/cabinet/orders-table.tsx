"use client";

import type { LatestOrderRow } from "@/lib/cabinet/orders/list-latest-orders";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { TableCell, TableRow } from "@/components/ui/table";

/** Orders as a table (our id and the merchant's, type, store, amount, status, created), or "No orders yet.". */
export function OrdersTable({ orders }: { orders: LatestOrderRow[] }) {
  const t = useT();
  if (orders.length === 0) return <EmptyState title={t("orders.empty")} />;
  const columns = [
    t("orders.columns.order"),
    t("orders.columns.type"),
    t("orders.columns.store"),
    { label: t("orders.columns.amount"), align: "right" as const },
    t("orders.columns.status"),
    t("orders.columns.created"),
  ];
  return (
    <DataTableCard columns={columns}>
      {orders.map((order) => (
        <TableRow key={order.id}>
          <TableCell>
            <div className="font-mono text-xs">{order.id}</div>
            <div className="text-xs text-muted-foreground">{order.merchantOrderId}</div>
          </TableCell>
          <TableCell>{t(`orders.type.${order.type}`)}</TableCell>
          <TableCell>{order.storeName}</TableCell>
          <TableCell className="text-right">
            <Money amount={order.amount} exponent={order.exponent} code={order.currencyCode} />
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
