import type { LatestOrderRow } from "@/lib/cabinet/orders/list-latest-orders";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { TableCell, TableRow } from "@/components/ui/table";

const COLUMNS = ["Order", "Type", "Store", { label: "Amount", align: "right" }, "Status", "Created"] as const;

/** Orders as a table (our id and the merchant's, type, store, amount, status, created), or "No orders yet.". */
export function OrdersTable({ orders }: { orders: LatestOrderRow[] }) {
  if (orders.length === 0) return <EmptyState title="No orders yet." />;
  return (
    <DataTableCard columns={COLUMNS}>
      {orders.map((order) => (
        <TableRow key={order.id}>
          <TableCell>
            <div className="font-mono text-xs">{order.id}</div>
            <div className="text-xs text-muted-foreground">{order.merchantOrderId}</div>
          </TableCell>
          <TableCell>{order.type === "payin" ? "Pay-in" : "Payout"}</TableCell>
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
