import type { Role } from "@/lib/auth/roles";
import type { MessageKey } from "@/lib/i18n/translate";

export interface NavItem {
  href: string;
  /** Translated where it is shown. */
  label: MessageKey;
}

/** Each cabinet's menu. List only pages that exist; add an entry together with its page. */
export const CABINET_NAV: Record<Role, readonly NavItem[]> = {
  admin: [
    { href: "/admin", label: "admin.nav.settings" },
    { href: "/admin/dashboard", label: "admin.nav.dashboard" },
    { href: "/admin/users", label: "admin.nav.users" },
    { href: "/admin/stores", label: "admin.nav.stores" },
    { href: "/admin/traders", label: "admin.nav.traders" },
    { href: "/admin/rates", label: "admin.nav.rates" },
    { href: "/admin/withdrawals", label: "admin.nav.withdrawals" },
    { href: "/admin/audit", label: "admin.nav.audit" },
    { href: "/admin/mail", label: "admin.nav.mail" },
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
