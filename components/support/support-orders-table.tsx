import type { SupportOrderRow } from "@/lib/orders/search-orders";
import { getTranslator } from "@/lib/web/locale";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { EmptyState } from "@/components/cabinet/empty-state";
import { OrderIdCell, OrderOutcomeCells } from "@/components/cabinet/order-cells";
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
          <OrderIdCell id={order.id} href={`/support/orders/${order.id}`}>
            <div className="text-xs text-muted-foreground">
              {t(`orders.type.${order.type}`)} · {order.merchantOrderId}
            </div>
          </OrderIdCell>
          <TableCell className="max-w-40 truncate text-xs" title={order.customerId}>
            {order.customerId}
          </TableCell>
          <TableCell>{order.storeName}</TableCell>
          <OrderOutcomeCells amount={order.amount} exponent={order.exponent} currencyCode={order.currencyCode} status={order.status} createdAt={order.createdAt} />
        </TableRow>
      ))}
    </DataTableCard>
  );
}
