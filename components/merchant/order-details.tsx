import type { ReactNode } from "react";
import type { MerchantOrder } from "@/lib/orders/get-merchant-order";
import type { Translate } from "@/lib/i18n/translate";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";

const USDT = { code: "USDT", exponent: 6 };

function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={mono ? "break-all font-mono text-xs" : "break-words text-sm"}>{children ?? "—"}</dd>
    </div>
  );
}

/** Where the customer paid to (pay-in requisite) or where the trader pays (payout destination). */
function counterparty(order: MerchantOrder): string | null {
  const source = (order.type === "payin" ? order.requisite?.details : order.destination) as { number?: string; holder?: string; bank?: string } | null | undefined;
  if (!source) return null;
  const bank = order.type === "payin" ? order.requisite?.bank?.name : source.bank;
  return [bank, source.number, source.holder].filter(Boolean).join(" · ") || null;
}

/** Every field of the order, as a definition list. */
export function OrderDetails({ order, t }: { order: MerchantOrder; t: Translate }) {
  const adjusted = order.originalAmount !== order.amount;
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Field label={t("merchant.order.fields.status")}>
        <OrderStatusBadge status={order.status} />
      </Field>
      <Field label={t("merchant.order.fields.type")}>{t(`orders.type.${order.type}`)}</Field>
      <Field label={t("merchant.order.fields.store")}>{order.store.name}</Field>
      <Field label={t("merchant.order.fields.amount")}>
        <Money amount={order.amount} exponent={order.currency.exponent} code={order.currency.code} />
      </Field>
      {adjusted ? (
        <Field label={t("merchant.order.fields.originalAmount")}>
          <Money amount={order.originalAmount} exponent={order.currency.exponent} code={order.currency.code} />
        </Field>
      ) : null}
      <Field label={t("merchant.order.fields.cryptoAmount")}>
        {order.cryptoAmount === null ? null : <Money amount={order.cryptoAmount} exponent={USDT.exponent} code={USDT.code} />}
      </Field>
      <Field label={t("merchant.order.fields.rate")}>{order.rate ? <span className="tabular">{order.rate.toFixed()}</span> : null}</Field>
      <Field label={t("merchant.order.fields.merchantOrderId")} mono>
        {order.merchantOrderId}
      </Field>
      <Field label={t("merchant.order.fields.customerId")} mono>
        {order.customerId}
      </Field>
      <Field label={t("merchant.order.fields.paymentMethod")}>{order.paymentMethod?.name ?? null}</Field>
      <Field label={order.type === "payin" ? t("merchant.order.fields.requisite") : t("merchant.order.fields.destination")}>{counterparty(order)}</Field>
      {order.failureReason ? <Field label={t("merchant.order.fields.failureReason")}>{order.failureReason}</Field> : null}
      <Field label={t("merchant.order.fields.createdAt")}>
        <DateTime value={order.createdAt} />
      </Field>
      <Field label={t("merchant.order.fields.matchedAt")}>
        <DateTime value={order.matchedAt} />
      </Field>
      <Field label={t("merchant.order.fields.expiresAt")}>
        <DateTime value={order.expiresAt} />
      </Field>
      <Field label={t("merchant.order.fields.paidAt")}>
        <DateTime value={order.paidAt} />
      </Field>
      <Field label={t("merchant.order.fields.completedAt")}>
        <DateTime value={order.completedAt} />
      </Field>
    </dl>
  );
}
