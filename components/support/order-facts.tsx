import type { OrderWithDetails } from "@/lib/orders/get-support-order";
import { getTranslator } from "@/lib/web/locale";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { FactList } from "./fact-list";

const USDT_EXPONENT = 6;

function describeDetails(details: unknown): string | null {
  if (!details || typeof details !== "object") return null;
  const { number, holder, bank, type } = details as Record<string, unknown>;
  return [type, bank, number, holder].filter((part) => typeof part === "string" && part).join(" · ") || null;
}

/** The order's facts: parties, amounts, rate, requisite or destination, and its timestamps. */
export async function OrderFacts({ order }: { order: OrderWithDetails }) {
  const { t } = await getTranslator();
  const money = (amount: bigint) => <Money amount={amount} exponent={order.currency.exponent} code={order.currency.code} />;
  const requisite = order.requisite
    ? [order.requisite.type, order.requisite.bank?.name, describeDetails(order.requisite.details)].filter(Boolean).join(" · ")
    : null;
  return (
    <FactList
      facts={[
        [t("orders.columns.status"), <OrderStatusBadge key="status" status={order.status} />],
        [t("support.order.type"), t(`orders.type.${order.type}`)],
        [t("support.order.store"), order.store.name],
        [t("support.order.merchantOrderId"), <span className="font-mono text-xs">{order.merchantOrderId}</span>],
        [t("support.order.customerId"), <span className="font-mono text-xs">{order.customerId}</span>],
        [t("support.order.amount"), money(order.amount)],
        [t("support.order.originalAmount"), order.originalAmount !== order.amount ? money(order.originalAmount) : null],
        [t("support.order.cryptoAmount"), order.cryptoAmount === null ? null : <Money amount={order.cryptoAmount} exponent={USDT_EXPONENT} code="USDT" />],
        [t("support.order.rate"), order.rate ? <span className="tabular">{order.rate.toString()}</span> : null],
        [t("support.order.trader"), order.trader ? (order.trader.user.name ? `${order.trader.user.name} (${order.trader.user.email})` : order.trader.user.email) : null],
        [t("support.order.requisite"), requisite],
        [t("support.order.destination"), order.type === "payout" ? describeDetails(order.destination) : null],
        [t("support.order.created"), <DateTime value={order.createdAt} />],
        [t("support.order.expires"), order.expiresAt ? <DateTime value={order.expiresAt} /> : null],
        [t("support.order.paid"), order.paidAt ? <DateTime value={order.paidAt} /> : null],
        [t("support.order.completed"), order.completedAt ? <DateTime value={order.completedAt} /> : null],
        [t("support.order.failureReason"), order.failureReason],
      ]}
    />
  );
}
