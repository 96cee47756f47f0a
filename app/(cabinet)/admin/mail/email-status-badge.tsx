import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<string, BadgeProps["variant"]> = {
  sent: "success",
  queued: "warning",
  stored: "secondary",
  failed: "destructive",
};

/** An email's status as a coloured word (`label` is the status in the reader's language). */
export function EmailStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge variant={VARIANTS[status] ?? "outline"} data-status={status}>
      {label}
    </Badge>
  );
}
