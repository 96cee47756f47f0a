import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { getDispute, type DisputeDetails } from "@/lib/disputes/get-dispute";
import type { OrderWithDetails } from "@/lib/orders/get-support-order";
import type { Translate } from "@/lib/i18n/translate";
import { maskPaymentDetails } from "@/lib/requisites/mask-payment-details";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { DateTime } from "@/components/cabinet/date-time";
import { PageHeader } from "@/components/cabinet/page-header";
import { TitledCard } from "@/components/cabinet/titled-card";
import { formatAge } from "@/components/support/age";
import { DisputeStatusBadge } from "@/components/support/dispute-status-badge";
import { FactList } from "@/components/support/fact-list";
import { labelOf } from "@/components/support/labels";
import { OrderFacts } from "@/components/support/order-facts";
import { OrderTimeline } from "@/components/support/order-timeline";
import { ReceiptList } from "@/components/support/receipt-list";
import { ResolveDisputeForm } from "@/components/support/resolve-dispute-form";
import { Section } from "@/components/support/section";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { resolveDisputeAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { t } = await getTranslator();
  return cabinetMetadata("support", t("support.dispute.title", { id: (await params).id.slice(0, 12) }))();
}

export default async function DisputePage({ params }: { params: Params }) {
  const user = await requireRole("support");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const dispute = await getDispute(user.id, Number(id));
  if (!dispute) notFound();
  const { t } = await getTranslator();
  // What the permissions allow (the action and the receipt route check again): resolving, receipts, full card numbers.
  const { "disputes.resolve": canResolve, "receipts.read": canReadReceipts, "payment_details.read": canSeeCardNumbers } = user.permissions;
  const order = canSeeCardNumbers ? dispute.order : maskPaymentDetails(dispute.order);
  const resolvable = dispute.status === "open" && canResolve;

  return (
    <>
      <PageHeader title={t("support.dispute.title", { id: dispute.id })}>
        <Link href="/support/disputes" className={buttonVariants({ variant: "outline", size: "sm" })}>
          {t("support.dispute.back")}
        </Link>
      </PageHeader>
      {/* One column on a phone (dispute, evidence, the decision, then the order); the decision
          sits beside everything from the lg breakpoint. */}
      <div className={cn("grid gap-8 lg:items-start", resolvable && "lg:grid-cols-[minmax(0,1fr)_22rem]")}>
        <div className="grid min-w-0 gap-8 lg:col-start-1">
          <DisputeFactsCard dispute={dispute} t={t} />
          {canReadReceipts ? <DisputeReceipts dispute={dispute} t={t} /> : null}
        </div>
        {resolvable ? (
          <TitledCard title={t("support.resolve.title")} description={t("support.resolve.description")} className="lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <ResolveDisputeForm disputeId={dispute.id} orderId={order.id} resolve={resolveDisputeAction} />
          </TitledCard>
        ) : null}
        <div className="grid min-w-0 gap-8 lg:col-start-1">
          <DisputedOrder order={order} t={t} />
        </div>
      </div>
    </>
  );
}

/** The dispute itself: status, reason, who opened it how and when, and how it was resolved. */
function DisputeFactsCard({ dispute, t }: { dispute: DisputeDetails; t: Translate }) {
  return (
    <Card>
      <CardContent>
        <FactList
          facts={[
            [t("orders.columns.status"), <DisputeStatusBadge key="status" status={dispute.status} t={t} />],
            [t("support.dispute.reason"), <p className="whitespace-pre-wrap">{dispute.reason}</p>],
            [
              t("support.dispute.opened"),
              <>
                <DateTime value={dispute.createdAt} />
                {dispute.status === "open" ? <span className="text-muted-foreground"> · {t("support.disputes.waiting", { age: formatAge(dispute.createdAt, new Date(), t) })}</span> : null}
              </>,
            ],
            [t("support.dispute.openedVia"), labelOf(t, "support.disputes.openedVia", dispute.openedVia)],
            [t("support.dispute.openedBy"), dispute.openedBy?.email ?? null],
            [t("support.dispute.resolvedBy"), dispute.resolvedBy?.email ?? null],
            [t("support.dispute.resolvedAt"), dispute.resolvedAt ? <DateTime value={dispute.resolvedAt} /> : null],
            [t("support.dispute.note"), dispute.resolutionNote ? <p className="whitespace-pre-wrap">{dispute.resolutionNote}</p> : null],
          ]}
        />
      </CardContent>
    </Card>
  );
}

/** The files uploaded as the dispute's evidence, then the order's own receipts when it has any. */
function DisputeReceipts({ dispute, t }: { dispute: DisputeDetails; t: Translate }) {
  return (
    <>
      <Section title={t("support.dispute.evidence")} id="dispute-evidence">
        <ReceiptList receipts={dispute.evidence} empty={t("support.dispute.evidenceEmpty")} />
      </Section>
      {dispute.orderReceipts.length ? (
        <Section title={t("support.dispute.orderReceipts")} id="dispute-order-receipts">
          <ReceiptList receipts={dispute.orderReceipts} empty="" />
        </Section>
      ) : null}
    </>
  );
}

/** The order the dispute is about: its facts with a link to its page, and its timeline. */
function DisputedOrder({ order, t }: { order: OrderWithDetails; t: Translate }) {
  return (
    <>
      <Section title={t("support.dispute.order")} id="dispute-order">
        <Card>
          <CardContent className="grid gap-4">
            <OrderFacts order={order} />
            <Link href={`/support/orders/${order.id}`} className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}>
              {t("support.dispute.openOrder")}
            </Link>
          </CardContent>
        </Card>
      </Section>
      <Section title={t("support.order.timeline")} id="dispute-timeline">
        <OrderTimeline entries={order.history} />
      </Section>
    </>
  );
}
