"use client";

import { useTransition } from "react";
import { Check, X } from "lucide-react";
import { toast } from "sonner";
import { acceptPayoutAction, declinePayoutAction } from "@/app/(cabinet)/trader/order-actions";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { PendingButton } from "@/components/ui/pending-button";
import { callTraderAction, explainError } from "./explain-error";

/**
 * "Accept" and "Decline" on a payout offered to the trader. Neither needs a confirm step: an
 * accepted payout can still be released before paying, and a declined one simply goes to the
 * next trader. An accepted offer stays on screen (it becomes the trader's payout, now with the
 * full destination); a declined one leaves the queue. `onSettled` re-reads the queue either way,
 * e.g. after an offer that lapsed meanwhile.
 */
export function PayoutOfferActions({ order, lapsed, onSettled }: { order: QueueOrder; lapsed: boolean; onSettled: (done: boolean) => void }) {
  const t = useT();
  const [accepting, startAccept] = useTransition();
  const [declining, startDecline] = useTransition();
  const busy = accepting || declining;

  const accept = () =>
    startAccept(async () => {
      const result = await callTraderAction(acceptPayoutAction(order.id));
      if (result.ok) toast.success(t("trader.queue.accepted", { id: order.id }));
      else toast.error(explainError(t, result.code));
      onSettled(false);
    });

  const decline = () =>
    startDecline(async () => {
      const result = await callTraderAction(declinePayoutAction(order.id));
      if (result.ok) toast.success(t("trader.queue.declined", { id: order.id }));
      else toast.error(explainError(t, result.code));
      onSettled(result.ok);
    });

  return (
    <>
      <PendingButton type="button" variant="outline" className="w-full sm:w-auto" pending={declining} disabled={busy} icon={<X className="size-4" aria-hidden="true" />} onClick={decline}>
        {t("trader.queue.decline")}
      </PendingButton>
      <PendingButton type="button" className="w-full sm:w-auto" pending={accepting} disabled={busy || lapsed} icon={<Check className="size-4" aria-hidden="true" />} onClick={accept}>
        {t("trader.queue.accept")}
      </PendingButton>
    </>
  );
}
