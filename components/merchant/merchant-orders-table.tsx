import type { OrderRow } from "@/lib/orders/order-keyset";
import type { Translate } from "@/lib/i18n/translate";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { OrderIdCell, OrderOutcomeCells } from "@/components/cabinet/order-cells";
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
          <OrderIdCell id={order.id} href={`/merchant/orders/${order.id}`}>
            <div className="max-w-48 truncate text-xs text-muted-foreground" title={order.merchantOrderId}>
              {order.merchantOrderId}
            </div>
          </OrderIdCell>
          <TableCell>{t(`orders.type.${order.type}`)}</TableCell>
          <TableCell className="max-w-40 truncate" title={order.store.name}>
            {order.store.name}
          </TableCell>
          <TableCell className="max-w-40 truncate text-xs" title={order.customerId}>
            {order.customerId}
          </TableCell>
          <OrderOutcomeCells amount={order.amount} exponent={order.currency.exponent} currencyCode={order.currency.code} status={order.status} createdAt={order.createdAt} />
        </TableRow>
      ))}
    </DataTableCard>
  );
}
