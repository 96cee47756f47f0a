import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { getAdminOrder } from "@/lib/cabinet/admin/get-admin-order";
import { maskPaymentDetails } from "@/lib/cabinet/support/mask-payment-details";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { DateTime } from "@/components/cabinet/date-time";
import { PageHeader } from "@/components/cabinet/page-header";
import { ForceOrderSection } from "@/components/orders/force-order-section";
import { DisputeStatusBadge } from "@/components/support/dispute-status-badge";
import { OrderFacts } from "@/components/support/order-facts";
import { OrderTimeline } from "@/components/support/order-timeline";
import { Section } from "@/components/support/section";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
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
    <>
      <div className="[&_h1]:[overflow-wrap:anywhere]">
        <PageHeader title={t("admin.orders.heading", { id: order.id })}>
          <Link href="/admin/orders" className={buttonVariants({ variant: "outline", size: "sm" })}>
            {t("admin.orders.back")}
          </Link>
        </PageHeader>
      </div>
      <div className="grid gap-8">
        <Card>
          <CardContent>
            <OrderFacts order={order} />
          </CardContent>
        </Card>
        <ForceOrderSection order={order} action={forceOrderAction} allowed={admin.permissions["traders.manage"]} />
        {order.disputes.length ? (
          <Section title={t("support.order.disputes")} id="order-disputes">
            <ul className="grid gap-2">
              {order.disputes.map((dispute) => (
                <li key={dispute.id} className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="font-medium">{t("support.order.disputeLink", { id: dispute.id })}</span>
                  <DisputeStatusBadge status={dispute.status} t={t} />
                  <span className="text-muted-foreground">
                    <DateTime value={dispute.createdAt} />
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        <Section title={t("support.order.timeline")} id="order-timeline">
          <OrderTimeline entries={order.history} />
        </Section>
      </div>
    </>
  );
}
