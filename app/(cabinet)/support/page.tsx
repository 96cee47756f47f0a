import { requireRole } from "@/lib/auth/session";
import { listLatestOrders } from "@/lib/cabinet/orders/list-latest-orders";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { OrdersTable } from "@/components/cabinet/orders-table";
import { PageHeader } from "@/components/cabinet/page-header";

export const generateMetadata = cabinetMetadata("support", "Latest orders");

const LATEST_ORDERS = 50;

export default async function SupportHomePage() {
  const user = await requireRole("support");
  const orders = await listLatestOrders({ all: true, supportUserId: user.id }, LATEST_ORDERS);

  return (
    <>
      <PageHeader title="Latest orders" description={`The ${LATEST_ORDERS} newest orders across all stores.`} />
      <OrdersTable orders={orders} />
    </>
  );
}
