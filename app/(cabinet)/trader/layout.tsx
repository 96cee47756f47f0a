import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";

export default async function TraderLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("trader");
  return (
    <CabinetShell role="trader" email={user.email}>
      {children}
    </CabinetShell>
  );
}
