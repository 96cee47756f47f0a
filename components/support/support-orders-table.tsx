import Link from "next/link";
import type { SupportOrderRow } from "@/lib/cabinet/support/search-orders";
import { getTranslator } from "@/lib/i18n/server";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { TableCell, TableRow } from "@/components/ui/table";

/** Orders across stores, each linking to its support page; scrolls sideways on a phone. */
export async function SupportOrdersTable({ orders }: { orders: SupportOrderRow[] }) {
  const { t } = await getTranslator();
  if (orders.length === 0) return <EmptyState title={t("support.orders.empty")} />;
  const columns = [
    t("orders.columns.order"),
    t("support.orders.customer"),
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
            <Link href={`/support/orders/${order.id}`} className="font-mono text-xs font-medium underline-offset-4 hover:underline">
              {order.id}
            </Link>
            <div className="text-xs text-muted-foreground">
              {t(`orders.type.${order.type}`)} · {order.merchantOrderId}
            </div>
          </TableCell>
          <TableCell className="max-w-40 truncate text-xs" title={order.customerId}>
            {order.customerId}
          </TableCell>
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
