import { FlaskConical } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** Marks a sandbox store (test money, the simulated trader) wherever the store is named. */
export function SandboxBadge({ label }: { label: string }) {
  return (
    <Badge variant="warning" data-testid="sandbox-badge">
      <FlaskConical aria-hidden="true" />
      {label}
    </Badge>
  );
}
