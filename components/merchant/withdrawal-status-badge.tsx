"use client";

import type { WithdrawalStatus } from "@/lib/generated/prisma/enums";
import { useT } from "@/components/i18n/i18n-provider";
import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<WithdrawalStatus, BadgeProps["variant"]> = {
  pending: "warning",
  approved: "success",
  paid: "success",
  rejected: "destructive",
};

export function WithdrawalStatusBadge({ status }: { status: WithdrawalStatus }) {
  const t = useT();
  return (
    <Badge variant={VARIANTS[status]} data-status={status}>
      {t(`merchant.withdrawals.status.${status}`)}
    </Badge>
  );
}
