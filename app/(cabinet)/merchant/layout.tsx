import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { CabinetShell } from "@/components/cabinet/shell";
import { DataWorldSwitch } from "@/components/merchant/data-world-switch";
import { listOwnedStoreIds } from "@/lib/stores/owned-stores";
import { getMerchantDataWorld } from "@/lib/web/merchant-data-world";
import { setDataWorldAction } from "./sandbox-actions";

export default async function MerchantLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("merchant");
  // The live/sandbox switch only for a merchant who has a sandbox store.
  const [world, sandboxStores] = await Promise.all([getMerchantDataWorld(), listOwnedStoreIds(user.id, "sandbox")]);
  return (
    <CabinetShell role="merchant" email={user.email}>
      {sandboxStores.length > 0 && <DataWorldSwitch world={world} save={setDataWorldAction} />}
      {children}
    </CabinetShell>
  );
}
