import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { serializeCallback } from "@/lib/callbacks/serialize-callback";
import { getMerchantOrder } from "@/lib/orders/get-merchant-order";
import { requireRole } from "@/lib/web/session";
import { canOpenDispute } from "@/lib/disputes/open-merchant-dispute";
import { listMerchantOrderCallbacks } from "@/lib/callbacks/order-callbacks";
import { readSettings } from "@/lib/settings/read-settings";
import { DomainError } from "@/lib/errors/domain-error";
import { getTranslator } from "@/lib/web/locale";
import type { MessageKey } from "@/lib/i18n/translate";
import { DateTime } from "@/components/cabinet/date-time";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/cabinet/page-header";
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
      <Link href="/merchant/orders" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("merchant.order.back")}
      </Link>
      {/* Order ids are one long word: let the heading break inside it on a phone. */}
      <div className="[&_h1]:break-all [&_p]:break-all">
        <PageHeader title={t("merchant.order.heading", { id: order.id })} description={t("merchant.order.description", { merchantOrderId: order.merchantOrderId })}>
          {awaitingConfirmation ? <ConfirmPayoutForm orderId={order.id} confirm={confirmPayoutAction} /> : null}
          {disputable ? <DisputeForm orderId={order.id} kind={order.type === "payout" ? "payout" : order.status === "expired" || order.status === "cancelled" ? "late" : "payin"} /> : null}
        </PageHeader>
      </div>
      {awaitingConfirmation && order.expiresAt ? (
        <Alert role="status" className="mb-6" data-testid="payout-confirmation-deadline">
          <AlertTitle>{t("merchant.order.confirmPayout.waitingTitle")}</AlertTitle>
          <AlertDescription>{t("merchant.order.confirmPayout.deadline", { time: formatDateTime(order.expiresAt, locale) })}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>{t("merchant.order.details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderDetails order={order} t={t} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("merchant.order.timeline")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderTimeline history={order.history} t={t} />
          </CardContent>
        </Card>
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
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("merchant.order.receipts.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderReceipts receipts={order.receipts} t={t} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("merchant.order.dispute.listTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            {order.disputes.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("merchant.order.dispute.none")}</p>
            ) : (
              <ul className="grid gap-3">
                {order.disputes.map((dispute) => (
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
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
