import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  merchant: "Merchant",
  trader: "Trader",
  teamlead: "Teamlead",
  support: "Support",
};

/** Each cabinet's menu. List only pages that exist; add an entry together with its page. */
export const CABINET_NAV: Record<Role, readonly NavItem[]> = {
  admin: [{ href: "/admin", label: "Configuration" }],
  merchant: [{ href: "/merchant", label: "Stores and balances" }],
  trader: [{ href: "/trader", label: "Requisites and balances" }],
  teamlead: [{ href: "/teamlead", label: "My traders" }],
  support: [{ href: "/support", label: "Latest orders" }],
};
