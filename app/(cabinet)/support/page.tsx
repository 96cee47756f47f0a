import { requireRole } from "@/lib/auth/session";
import { listLatestOrders } from "@/lib/cabinet/support/list-latest-orders";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { PageHeader } from "@/components/cabinet/page-header";
import { formatMinorNumber } from "@/components/format/money";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("support", "Latest orders");

const LATEST_ORDERS = 50;

export default async function SupportHomePage() {
  const user = await requireRole("support");
  const orders = await listLatestOrders(user.id, LATEST_ORDERS);

  return (
    <>
      <PageHeader title="Latest orders" description={`The ${LATEST_ORDERS} newest orders across all stores.`} />
      {orders.length === 0 ? (
        <EmptyState title="No orders yet." />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Order</TableHead>
                  <TableHead>Type</TableHead>
                  <TableHead>Store</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                  <TableHead>Currency</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Created</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {orders.map((order) => (
                  <TableRow key={order.id}>
                    <TableCell className="font-mono text-xs">{order.id}</TableCell>
                    <TableCell>{order.type === "payin" ? "Pay-in" : "Payout"}</TableCell>
                    <TableCell>{order.storeName}</TableCell>
                    <TableCell className="tabular text-right">{formatMinorNumber(order.amount, order.exponent)}</TableCell>
                    <TableCell>{order.currencyCode}</TableCell>
                    <TableCell>
                      <OrderStatusBadge status={order.status} />
                    </TableCell>
                    <TableCell>
                      <DateTime value={order.createdAt} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </>
  );
}
