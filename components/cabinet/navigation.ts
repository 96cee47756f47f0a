import type { PermissionOf, StaffRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { MessageKey } from "@/lib/i18n/translate";

export interface NavItem<R extends Role = Role> {
  href: string;
  /** Translated where it is shown. */
  label: MessageKey;
  /**
   * The page opens (and the entry shows) only with one of these permissions: the same list its
   * page passes to requirePermission. Without it, every user of the role opens the page.
   */
  anyOf?: readonly (R extends StaffRole ? PermissionOf<R> : never)[];
}

/** Each cabinet's menu. List only pages that exist; add an entry together with its page. */
export const CABINET_NAV: { [R in Role]: readonly NavItem<R>[] } = {
  admin: [
    { href: "/admin", label: "admin.nav.settings" },
    { href: "/admin/dashboard", label: "admin.nav.dashboard" },
    { href: "/admin/users", label: "admin.nav.users", anyOf: ["users.manage"] },
    { href: "/admin/stores", label: "admin.nav.stores", anyOf: ["stores.manage"] },
    { href: "/admin/traders", label: "admin.nav.traders", anyOf: ["traders.manage", "deposits.adjust"] },
    { href: "/admin/orders", label: "admin.nav.orders", anyOf: ["traders.manage"] },
    { href: "/admin/rates", label: "admin.nav.rates", anyOf: ["rates.manage"] },
    { href: "/admin/withdrawals", label: "admin.nav.withdrawals", anyOf: ["withdrawals.approve"] },
    { href: "/admin/audit", label: "admin.nav.audit", anyOf: ["audit.read"] },
    { href: "/admin/mail", label: "admin.nav.mail", anyOf: ["mail.read"] },
  ],
  merchant: [
    { href: "/merchant", label: "merchant.nav.dashboard" },
    { href: "/merchant/orders", label: "merchant.nav.orders" },
    { href: "/merchant/stores", label: "merchant.nav.stores" },
    { href: "/merchant/withdrawals", label: "merchant.nav.withdrawals" },
  ],
  trader: [
    { href: "/trader", label: "trader.nav.queue" },
    { href: "/trader/requisites", label: "trader.nav.requisites" },
    { href: "/trader/balance", label: "trader.nav.balance" },
    { href: "/trader/api-tokens", label: "trader.nav.apiTokens" },
  ],
  teamlead: [{ href: "/teamlead", label: "nav.teamlead.home" }],
  support: [
    { href: "/support", label: "nav.support.home" },
    { href: "/support/disputes", label: "support.nav.disputes" },
  ],
};

/** The role's menu without the pages `permissions` (the user's effective ones) do not open. */
export function visibleNav(role: Role, permissions: Readonly<Record<string, boolean>>): readonly NavItem[] {
  return (CABINET_NAV[role] as readonly NavItem[]).filter((item) => !item.anyOf || item.anyOf.some((name) => permissions[name]));
}
