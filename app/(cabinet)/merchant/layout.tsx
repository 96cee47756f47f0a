import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";

export default async function MerchantLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("merchant");
  return (
    <CabinetShell role="merchant" email={user.email}>
      {children}
    </CabinetShell>
  );
}
