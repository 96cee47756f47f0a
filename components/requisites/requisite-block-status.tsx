import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";
import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<RequisiteStatus, BadgeProps["variant"]> = {
  active: "success",
  inactive: "outline",
  blocked: "destructive",
};

/** A requisite's status as staff see it (On, Off, Blocked) and, when blocked, why. */
export function RequisiteBlockStatus({ status, reason, t }: { status: RequisiteStatus; reason: string | null; t: Translate }) {
  return (
    <div className="grid gap-1">
      <Badge variant={VARIANTS[status]} data-requisite-status={status}>
        {t(`requisiteBlock.status.${status}`)}
      </Badge>
      {status === "blocked" && reason ? (
        <p className="max-w-72 whitespace-normal break-words text-xs text-muted-foreground" data-testid="requisite-blocked-reason">
          {t("requisiteBlock.reasonShown", { reason })}
        </p>
      ) : null}
    </div>
  );
}
