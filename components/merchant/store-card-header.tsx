import type { ReactNode } from "react";
import { BooleanBadge } from "@/components/cabinet/boolean-badge";
import { SandboxBadge } from "./sandbox-badge";
import { CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The head of a store's card (stores page, dashboard balances): its name, whether it is active, and a line below. */
export function StoreCardHeader({
  name,
  isActive,
  labels,
  description,
  descriptionClassName,
  sandbox,
}: {
  name: string;
  isActive: boolean;
  labels: { active: string; inactive: string };
  /** The sandbox badge's label, for a sandbox store. */
  sandbox?: string;
  description: ReactNode;
  descriptionClassName?: string;
}) {
  return (
    <CardHeader>
      <div className="flex items-center justify-between gap-2">
        <CardTitle className="truncate">{name}</CardTitle>
        <div className="flex items-center gap-1">
          {sandbox && <SandboxBadge label={sandbox} />}
          <BooleanBadge value={isActive} yes={labels.active} no={labels.inactive} />
        </div>
      </div>
      <CardDescription className={descriptionClassName}>{description}</CardDescription>
    </CardHeader>
  );
}
