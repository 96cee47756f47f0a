import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<string, BadgeProps["variant"]> = {
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

export function OrderStatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANTS[status] ?? "outline"}>{status.replaceAll("_", " ")}</Badge>;
}
