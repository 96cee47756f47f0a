import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { serializeCallback, type CallbackWithAttempts } from "@/lib/callbacks/serialize-callback";
import { getMerchantOrder, type MerchantOrder } from "@/lib/orders/get-merchant-order";
import { requireRole } from "@/lib/web/session";
import { canOpenDispute } from "@/lib/disputes/open-merchant-dispute";
import { listMerchantOrderCallbacks } from "@/lib/callbacks/order-callbacks";
import { readSettings } from "@/lib/settings/read-settings";
import { DomainError } from "@/lib/errors/domain-error";
import { getTranslator } from "@/lib/web/locale";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { DateTime } from "@/components/cabinet/date-time";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/cabinet/page-header";
import { TitledCard } from "@/components/cabinet/titled-card";
import { ConfirmPayoutForm } from "@/components/merchant/confirm-payout-form";
import { DisputeForm } from "@/components/merchant/dispute-form";
import { merchantMetadata } from "@/components/merchant/merchant-metadata";
import { OrderCallbacks } from "@/components/merchant/order-callbacks";
import { OrderDetails } from "@/components/merchant/order-details";
import { OrderReceipts } from "@/components/merchant/order-receipts";
import { OrderTimeline } from "@/components/merchant/order-timeline";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { confirmPayoutAction, resendCallbackAction } from "./actions";

export const generateMetadata = merchantMetadata("merchant.order.title");

async function loadOrder(userId: number, id: string) {
  try {
    return await Promise.all([getMerchantOrder(userId, id), listMerchantOrderCallbacks(userId, id)]);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
}

export default async function MerchantOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("merchant");
  const [{ t, locale }, settings] = await Promise.all([getTranslator(), readSettings()]);
  const [order, callbacks] = await loadOrder(user.id, decodeURIComponent((await params).id));
  const disputable = canOpenDispute(order, { lateDisputeWindowHours: settings["order.late_dispute_window_hours"] });
  // A paid payout waits for the merchant: confirm, or dispute until its deadline (expiresAt);
  // past it the sweep completes it, and confirming first does the same.
  const awaitingConfirmation = order.type === "payout" && order.status === "paid";

  return (
    <>
      <OrderHeader order={order} awaitingConfirmation={awaitingConfirmation} disputable={disputable} maxFileBytes={settings["receipts.max_bytes"]} t={t} />
      {awaitingConfirmation && order.expiresAt ? <ConfirmationDeadline expiresAt={order.expiresAt} locale={locale} t={t} /> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <TitledCard title={t("merchant.order.details")} className="lg:col-span-3">
          <OrderDetails order={order} t={t} />
        </TitledCard>
        <TitledCard title={t("merchant.order.timeline")}>
          <OrderTimeline history={order.history} t={t} />
        </TitledCard>
        <CallbacksCard order={order} callbacks={callbacks} t={t} />
        <TitledCard title={t("merchant.order.receipts.title")} className="lg:col-span-2">
          <OrderReceipts receipts={order.receipts} t={t} />
        </TitledCard>
        <TitledCard title={t("merchant.order.dispute.listTitle")}>
          <DisputeList disputes={order.disputes} t={t} />
        </TitledCard>
      </div>
    </>
  );
}

/** Back to the list, the order's id as the heading, and what the merchant can do with it now: confirm a paid payout, open a dispute. */
function OrderHeader({
  order,
  awaitingConfirmation,
  disputable,
  maxFileBytes,
  t,
}: {
  order: MerchantOrder;
  awaitingConfirmation: boolean;
  disputable: boolean;
  maxFileBytes: number;
  t: Translate;
}) {
  return (
    <>
      <Link href="/merchant/orders" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("merchant.order.back")}
      </Link>
      {/* Order ids are one long word: let the heading break inside it on a phone. */}
      <div className="[&_h1]:break-all [&_p]:break-all">
        <PageHeader title={t("merchant.order.heading", { id: order.id })} description={t("merchant.order.description", { merchantOrderId: order.merchantOrderId })}>
          {awaitingConfirmation ? <ConfirmPayoutForm orderId={order.id} confirm={confirmPayoutAction} /> : null}
          {disputable ? <DisputeForm orderId={order.id} maxFileBytes={maxFileBytes} kind={order.type === "payout" ? "payout" : order.status === "expired" || order.status === "cancelled" ? "late" : "payin"} /> : null}
        </PageHeader>
      </div>
    </>
  );
}

/** Until when a paid payout waits for the merchant's confirmation. */
function ConfirmationDeadline({ expiresAt, locale, t }: { expiresAt: Date; locale: Locale; t: Translate }) {
  return (
    <Alert role="status" className="mb-6" data-testid="payout-confirmation-deadline">
      <AlertTitle>{t("merchant.order.confirmPayout.waitingTitle")}</AlertTitle>
      <AlertDescription>{t("merchant.order.confirmPayout.deadline", { time: formatDateTime(expiresAt, locale) })}</AlertDescription>
    </Alert>
  );
}

/** The order's callbacks with "Resend", under the URL they go to (or a link to set one). */
function CallbacksCard({ order, callbacks, t }: { order: MerchantOrder; callbacks: CallbackWithAttempts[]; t: Translate }) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>{t("merchant.order.callbacks.title")}</CardTitle>
        <CardDescription className="break-all">
          {order.store.callbackUrl ? (
            t("merchant.order.callbacks.sentTo", { url: order.store.callbackUrl })
          ) : (
            <Link href={`/merchant/stores/${order.store.id}`} className="underline underline-offset-4">
              {t("merchant.order.callbacks.noUrl")}
            </Link>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <OrderCallbacks orderId={order.id} callbacks={callbacks.map(serializeCallback)} resend={resendCallbackAction} />
      </CardContent>
    </Card>
  );
}

/** The order's disputes, newest first, each with its status, reason and support's resolution. */
function DisputeList({ disputes, t }: { disputes: MerchantOrder["disputes"]; t: Translate }) {
  if (disputes.length === 0) return <p className="text-sm text-muted-foreground">{t("merchant.order.dispute.none")}</p>;
  return (
    <ul className="grid gap-3">
      {disputes.map((dispute) => (
        <li key={dispute.id} className="grid gap-1 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={dispute.status === "open" ? "warning" : "secondary"}>{t(`merchant.order.dispute.status.${dispute.status}` as MessageKey)}</Badge>
            <span className="text-xs text-muted-foreground">
              <DateTime value={dispute.createdAt} />
            </span>
          </div>
          <p className="whitespace-pre-wrap">{dispute.reason}</p>
          {dispute.resolutionNote ? (
            <Alert role="status">
              <AlertDescription>{t("merchant.order.dispute.resolution", { note: dispute.resolutionNote })}</AlertDescription>
            </Alert>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
