import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { NON_TERMINAL_STATUSES } from "@/lib/orders/lifecycle";
import { getTranslator } from "@/lib/web/locale";
import type { ForceOrderForm } from "@/lib/orders/force-order-schema";
import type { ActionResult } from "@/lib/web/action";
import { Section } from "@/components/support/section";
import { ForceOrderControls } from "./force-order-controls";

/**
 * The force-action part of an order page (support's and the admin's): shown only to whom may
 * force (`allowed`, the same permission the action checks) and only while the order has not
 * ended.
 */
export async function ForceOrderSection({
  order,
  action,
  allowed,
}: {
  order: { id: string; status: OrderStatus };
  action: (input: ForceOrderForm) => Promise<ActionResult<{ message: string }>>;
  allowed: boolean;
}) {
  if (!allowed || !(NON_TERMINAL_STATUSES as readonly OrderStatus[]).includes(order.status)) return null;
  const { t } = await getTranslator();
  return (
    <Section title={t("forceOrder.title")} id="order-force">
      <ForceOrderControls orderId={order.id} action={action} />
    </Section>
  );
}
