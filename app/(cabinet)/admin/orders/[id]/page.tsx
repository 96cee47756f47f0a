import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { getAdminOrder } from "@/lib/orders/get-admin-order";
import { maskPaymentDetails } from "@/lib/requisites/mask-payment-details";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { StaffOrderPage } from "@/components/orders/staff-order-page";
import { OrderTimeline } from "@/components/support/order-timeline";
import { ReceiptList } from "@/components/support/receipt-list";
import { Section } from "@/components/support/section";
import { forceOrderAction } from "../actions";

export const generateMetadata = adminMetadata("admin.orders.title");

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * One order for an admin, with the force actions while it has not ended: the same facts and
 * timeline support sees, card numbers masked (admins have no payment-details permission).
 */
export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("admin", "traders.manage");
  const { id } = await params;
  if (!ORDER_ID.test(id)) notFound();
  const found = await getAdminOrder(admin.id, id);
  if (!found) notFound();
  const order = maskPaymentDetails(found);
  const { t } = await getTranslator();
  return (
    <StaffOrderPage
      order={order}
      title={t("admin.orders.heading", { id: order.id })}
      back={{ href: "/admin/orders", label: t("admin.orders.back") }}
      force={{ action: forceOrderAction, allowed: admin.permissions["traders.manage"] }}
    >
      <Section title={t("support.order.timeline")} id="order-timeline">
        <OrderTimeline entries={order.history} />
      </Section>
      <Section title={t("support.order.receipts")} id="order-receipts">
        <ReceiptList
          receipts={order.receipts}
          empty={t("support.order.receiptsEmpty")}
          fileHref={(receiptId) => `/api/files/receipts/${receiptId}`}
          orderHref={(orderId) => `/admin/orders/${orderId}`}
        />
      </Section>
    </StaffOrderPage>
  );
}
