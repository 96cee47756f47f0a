"use client";

import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { useT } from "@/components/i18n/i18n-provider";
import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<OrderStatus, BadgeProps["variant"]> = {
  completed: "success",
  paid: "warning",
  awaiting_payment: "warning",
  assigned: "warning",
  created: "secondary",
  disputed: "destructive",
  failed: "destructive",
  cancelled: "outline",
  expired: "outline",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <Badge variant={VARIANTS[status] ?? "outline"} data-status={status}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}
