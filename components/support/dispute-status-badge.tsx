import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";
import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<DisputeStatus, BadgeProps["variant"]> = {
  open: "destructive",
  resolved_completed: "success",
  resolved_cancelled: "outline",
};

export function DisputeStatusBadge({ status, t }: { status: DisputeStatus; t: Translate }) {
  return (
    <Badge variant={VARIANTS[status]} data-dispute-status={status}>
      {t(`support.disputes.status.${status}`)}
    </Badge>
  );
}
