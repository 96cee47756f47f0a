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
    { href: "/admin", label: "nav.admin.configuration" },
    { href: "/admin/mail", label: "nav.admin.mail" },
  ],
  merchant: [{ href: "/merchant", label: "nav.merchant.home" }],
  trader: [{ href: "/trader", label: "nav.trader.home" }],
  teamlead: [{ href: "/teamlead", label: "nav.teamlead.home" }],
  support: [{ href: "/support", label: "nav.support.home" }],
};
