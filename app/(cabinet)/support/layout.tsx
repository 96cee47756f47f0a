import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";

export default async function SupportLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("support");
  return (
    <CabinetShell role="support" email={user.email} permissions={user.permissions}>
      {children}
    </CabinetShell>
  );
}
