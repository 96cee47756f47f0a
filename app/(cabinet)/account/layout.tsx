import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";

/**
 * The account pages every role shares (security: 2FA and password), in the user's own cabinet
 * frame. Not requireRole: a session that must enrol in 2FA first is sent here, and must get in.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return (
    <CabinetShell role={user.role} email={user.email} permissions={user.permissions}>
      {children}
    </CabinetShell>
  );
}
