import { notFound } from "next/navigation";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { getSupportOrder } from "@/lib/orders/get-support-order";
import { maskPaymentDetails } from "@/lib/requisites/mask-payment-details";
import { listRequisiteBlocks } from "@/lib/requisites/list-requisite-blocks";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { CallbackTable } from "@/components/support/callback-table";
import { StaffOrderPage } from "@/components/orders/staff-order-page";
import { OrderTimeline } from "@/components/support/order-timeline";
import { ReceiptList } from "@/components/support/receipt-list";
import { BlockRequisiteDialog } from "@/components/requisites/block-requisite-dialog";
import { RequisiteBlockStatus } from "@/components/requisites/requisite-block-status";
import { requisiteTypeLabel } from "@/components/trader/requisite-type-label";
import { Section } from "@/components/support/section";
import { blockRequisiteAction, unblockRequisiteAction } from "../actions";
import { forceOrderAction } from "../force-actions";

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { t } = await getTranslator();
  return cabinetMetadata("support", t("support.order.title", { id: (await params).id.slice(0, 40) }))();
}

export default async function SupportOrderPage({ params }: { params: Params }) {
  const user = await requireRole("support");
  const { id } = await params;
  if (!ORDER_ID.test(id)) notFound();
  const found = await getSupportOrder(user.id, id);
  if (!found) notFound();
  // Full card numbers and receipts only with their permissions (the receipt route checks again).
  const order = user.permissions["payment_details.read"] ? found : maskPaymentDetails(found);
  const [{ t }, [requisite]] = await Promise.all([getTranslator(), found.requisiteId ? listRequisiteBlocks(user.id, { requisiteIds: [found.requisiteId] }) : []]);
  const requisiteLabel = requisite ? [requisiteTypeLabel(t, requisite.type), requisite.bankName, requisite.maskedNumber].filter(Boolean).join(" · ") : "";

  return (
    <StaffOrderPage
      order={order}
      title={t("support.order.title", { id: order.id })}
      back={{ href: "/support", label: t("support.order.back") }}
      force={{ action: forceOrderAction, allowed: user.permissions["disputes.resolve"] }}
      disputeHref={(disputeId) => `/support/disputes/${disputeId}`}
    >
      {requisite ? (
        <Section title={t("support.order.requisite")} id="order-requisite">
          <div className="flex flex-wrap items-start gap-4" data-testid="order-requisite" data-requisite-id={requisite.id}>
            <span className="font-mono text-sm">{requisiteLabel}</span>
            <RequisiteBlockStatus status={requisite.status} reason={requisite.blockedReason} t={t} />
            {user.permissions["requisites.block"] ? (
              <BlockRequisiteDialog
                requisite={{ id: requisite.id, label: requisiteLabel, status: requisite.status }}
                action={requisite.status === "blocked" ? unblockRequisiteAction : blockRequisiteAction}
              />
            ) : null}
          </div>
        </Section>
      ) : null}
      <Section title={t("support.order.timeline")} id="order-timeline">
        <OrderTimeline entries={order.history} />
      </Section>
      {user.permissions["receipts.read"] ? (
        <Section title={t("support.order.receipts")} id="order-receipts">
          <ReceiptList receipts={order.receipts} empty={t("support.order.receiptsEmpty")} />
        </Section>
      ) : null}
      <Section title={t("support.order.callbacks")} id="order-callbacks">
        <CallbackTable callbacks={order.callbacks} />
      </Section>
    </StaffOrderPage>
  );
}
