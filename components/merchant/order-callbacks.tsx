"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { RotateCw } from "lucide-react";
import type { serializeCallback } from "@/lib/callbacks/serialize-callback";
import { useT } from "@/components/i18n/i18n-provider";
import { DateTime } from "@/components/cabinet/date-time";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/web/action";

export type CallbackView = ReturnType<typeof serializeCallback>;
export type ResendAction = (orderId: string, deliveryId: number) => Promise<ActionResult<{ delivered: boolean; error: string | null }>>;

const STATUS_VARIANTS: Record<CallbackView["status"], BadgeProps["variant"]> = {
  pending: "warning",
  delivering: "warning",
  succeeded: "success",
  failed: "destructive",
};

/** The order's callbacks in sequence, each with its attempts and a "Resend" button. */
export function OrderCallbacks({ orderId, callbacks, resend }: { orderId: string; callbacks: CallbackView[]; resend: ResendAction }) {
  const t = useT();
  const router = useRouter();
  const { run, pending } = useAction();

  function onResend(deliveryId: number) {
    run(() => resend(orderId, deliveryId), {
      onSuccess: (result) => {
        if (result.delivered) toast.success(t("merchant.order.callbacks.delivered"));
        else toast.warning(t("merchant.order.callbacks.notDelivered", { error: result.error ?? "—" }));
      },
      onSettled: () => router.refresh(),
    });
  }

  if (callbacks.length === 0) return <p className="text-sm text-muted-foreground">{t("merchant.order.callbacks.none")}</p>;
  return (
    <ul className="grid gap-4" aria-busy={pending}>
      {callbacks.map((callback) => (
        <li key={callback.id} className="grid gap-2 rounded-lg border p-3" data-callback-id={callback.id} data-event-type={callback.event_type}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-xs">{callback.event_type}</span>
              <Badge variant={STATUS_VARIANTS[callback.status]}>{t(`merchant.order.callbacks.status.${callback.status}`)}</Badge>
            </div>
            <PendingButton type="button" size="sm" variant="outline" onClick={() => onResend(callback.id)} aria-label={t("merchant.order.callbacks.resendOne", { event: callback.event_type })} pending={pending} icon={<RotateCw className="size-4" aria-hidden="true" />}>
              {t("merchant.order.callbacks.resend")}
            </PendingButton>
          </div>
          <p className="text-xs text-muted-foreground">
            {t("merchant.order.callbacks.summary", { attempts: callback.attempts })}
            {callback.next_attempt_at ? (
              <>
                {" · "}
                {t("merchant.order.callbacks.nextAttempt")} <DateTime value={new Date(callback.next_attempt_at)} />
              </>
            ) : null}
          </p>
          {callback.attempts_log.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-xs" aria-label={t("merchant.order.callbacks.attemptsOf", { event: callback.event_type })}>
                <thead className="text-muted-foreground">
                  <tr>
                    <th scope="col" className="py-1 pr-3 text-left font-medium">{t("merchant.order.callbacks.attemptedAt")}</th>
                    <th scope="col" className="py-1 pr-3 text-left font-medium">{t("merchant.order.callbacks.httpStatus")}</th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">{t("merchant.order.callbacks.latency")}</th>
                    <th scope="col" className="py-1 text-left font-medium">{t("merchant.order.callbacks.error")}</th>
                  </tr>
                </thead>
                <tbody>
                  {callback.attempts_log.map((attempt, i) => (
                    <tr key={i} className="border-t" data-testid="callback-attempt">
                      <td className="whitespace-nowrap py-1 pr-3">
                        <DateTime value={new Date(attempt.attempted_at)} />
                      </td>
                      <td className="py-1 pr-3 tabular">{attempt.status_code ?? "—"}</td>
                      <td className="whitespace-nowrap py-1 pr-3 text-right tabular">{attempt.latency_ms === null ? "—" : t("merchant.order.callbacks.ms", { ms: attempt.latency_ms })}</td>
                      <td className="min-w-48 break-words py-1 text-muted-foreground">{attempt.error ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
