import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";

export default async function TeamleadLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("teamlead");
  return (
    <CabinetShell role="teamlead" email={user.email} permissions={user.permissions}>
      {children}
    </CabinetShell>
  );
}
