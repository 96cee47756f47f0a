"use client";

import { Check, X } from "lucide-react";
import type { QueueOrder } from "@/lib/orders/list-trader-queue";
import { useT } from "@/components/i18n/i18n-provider";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";
import type { QueueActions } from "./trader-actions";

/**
 * "Accept" and "Decline" on a payout offered to the trader. Neither needs a confirm step: an
 * accepted payout can still be released before paying, and a declined one simply goes to the
 * next trader. An accepted offer stays on screen (it becomes the trader's payout, now with the
 * full destination); a declined one leaves the queue. `onSettled` re-reads the queue either way,
 * e.g. after an offer that lapsed meanwhile.
 */
export function PayoutOfferActions({ order, lapsed, actions, onSettled }: { order: QueueOrder; lapsed: boolean; actions: QueueActions; onSettled: (done: boolean) => void }) {
  const t = useT();
  const accepting = useAction();
  const declining = useAction();
  const busy = accepting.pending || declining.pending;

  const accept = () => accepting.run(() => actions.acceptPayout(order.id), { success: t("trader.queue.accepted", { id: order.id }), onSettled: () => onSettled(false) });
  const decline = () => declining.run(() => actions.declinePayout(order.id), { success: t("trader.queue.declined", { id: order.id }), onSettled });

  return (
    <>
      <PendingButton type="button" variant="outline" className="w-full sm:w-auto" pending={declining.pending} disabled={busy} icon={<X className="size-4" aria-hidden="true" />} onClick={decline}>
        {t("trader.queue.decline")}
      </PendingButton>
      <PendingButton type="button" className="w-full sm:w-auto" pending={accepting.pending} disabled={busy || lapsed} icon={<Check className="size-4" aria-hidden="true" />} onClick={accept}>
        {t("trader.queue.accept")}
      </PendingButton>
    </>
  );
}
