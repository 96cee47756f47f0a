import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("admin");
  return (
    <CabinetShell role="admin" email={user.email} permissions={user.permissions}>
      {children}
    </CabinetShell>
  );
}
