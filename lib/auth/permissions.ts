// The permissions of the staff cabinets. The role decides the cabinet; granted_permissions (JSON
// on the admin, support and teamlead profiles) narrows or widens what the person may do inside
// it. This file is the one list of what exists and what each person gets without overrides; it
// is plain data and pure functions, so the server (session, domain checks), the admin editor in
// the browser, the seed and the factories all read the same catalog.
import type { Messages } from "@/lib/i18n/messages/en";
import type { Role } from "./roles";

export const STAFF_ROLES = ["admin", "support", "teamlead"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: unknown): role is StaffRole {
  return typeof role === "string" && (STAFF_ROLES as readonly string[]).includes(role);
}

/** The messages under admin.permissions.items: a label and a description per permission. */
type PermissionText = keyof Messages["admin"]["permissions"]["items"];

interface PermissionDefinition {
  /** Whether a person of the role has it while their granted_permissions say nothing about it. */
  granted: boolean;
  /** admin.permissions.items.<text>.label / .description, shown in the admin's editor. */
  text: PermissionText;
}

/**
 * Every permission per role, in the order the editor lists them. What is not here is the
 * cabinet itself and needs no permission: the admin settings page and dashboard (reading),
 * the support order search and disputes (reading), the teamlead's team overview.
 *
 * Most are granted by default, so a new colleague can do their job and an admin narrows by
 * unticking. Three are off by default, so granting widens:
 * - admin `users.manage_admins`: inviting, editing (permissions included) and switching off
 *   admin accounts, one's own included. Without it `users.manage` could not be narrowed at
 *   all: an admin could widen their own permissions or invite a fuller admin. The seeded demo
 *   admin has it.
 * - support `payment_details.read`: full card numbers of trader requisites and payout
 *   destinations. Card data is shown masked (last four digits) unless there is a need: the last
 *   four, the amount and the time are enough to find a transfer on a statement.
 * - teamlead `team.deposits`: the traders' USDT deposits. A deposit is the trader's own money
 *   held by the platform; the teamlead steers traffic by presence, conversion and open orders
 *   (matching already skips a trader whose deposit cannot cover an order).
 */
export const PERMISSION_CATALOG = {
  admin: {
    "settings.write": { granted: true, text: "settingsWrite" },
    "users.manage": { granted: true, text: "usersManage" },
    "users.manage_admins": { granted: false, text: "usersManageAdmins" },
    "stores.manage": { granted: true, text: "storesManage" },
    "traders.manage": { granted: true, text: "tradersManage" },
    "deposits.adjust": { granted: true, text: "depositsAdjust" },
    "rates.manage": { granted: true, text: "ratesManage" },
    "withdrawals.approve": { granted: true, text: "withdrawalsApprove" },
    "audit.read": { granted: true, text: "auditRead" },
    "mail.read": { granted: true, text: "mailRead" },
  },
  support: {
    "disputes.resolve": { granted: true, text: "disputesResolve" },
    "receipts.read": { granted: true, text: "receiptsRead" },
    "requisites.block": { granted: true, text: "requisitesBlock" },
    "payment_details.read": { granted: false, text: "paymentDetailsRead" },
  },
  teamlead: {
    "team.traffic": { granted: true, text: "teamTraffic" },
    "team.deposits": { granted: false, text: "teamDeposits" },
  },
} as const satisfies Record<StaffRole, Record<string, PermissionDefinition>>;

/** The permission names of a role (of any of them, for a union of roles). */
export type PermissionOf<R extends StaffRole> = R extends StaffRole ? keyof (typeof PERMISSION_CATALOG)[R] & string : never;

/** Every permission of the role, true or false. */
export type PermissionMap<R extends StaffRole> = Record<PermissionOf<R>, boolean>;

/** The effective permissions a signed-in user carries: the map of a staff role, nothing for merchants and traders. */
export type RolePermissions<R extends Role> = R extends StaffRole ? PermissionMap<R> : Record<never, boolean>;

/** The role's permissions in catalog order, with their definition. */
export function permissionsOf<R extends StaffRole>(role: R): [PermissionOf<R>, PermissionDefinition][] {
  return Object.entries(PERMISSION_CATALOG[role]) as [PermissionOf<R>, PermissionDefinition][];
}

/** Whether `name` is one of the role's permissions. */
export function isPermissionOf<R extends StaffRole>(role: R, name: string): name is PermissionOf<R> {
  return Object.hasOwn(PERMISSION_CATALOG[role], name);
}

/**
 * What a person may do: the role's defaults, overridden by each key of `granted` (their
 * granted_permissions JSON) that names one of the role's permissions with true or false.
 * Anything else — keys of older data such as "orders.read" or {"all": true}, non-boolean
 * values, a JSON that is not an object — is ignored, so old rows never widen or break anything.
 */
export function effectivePermissions<R extends StaffRole>(role: R, granted: unknown): PermissionMap<R> {
  const overrides = granted && typeof granted === "object" && !Array.isArray(granted) ? (granted as Record<string, unknown>) : {};
  const map = {} as PermissionMap<R>;
  for (const [name, definition] of permissionsOf(role)) {
    const value = Object.hasOwn(overrides, name) ? overrides[name] : undefined;
    map[name] = typeof value === "boolean" ? value : definition.granted;
  }
  return map;
}

/**
 * What granted_permissions stores for `wanted` (a map of the role's permissions, complete or
 * not): only the permissions that differ from their default, in catalog order. Storing
 * overrides, not the full map, keeps "default" meaningful: a permission added to the catalog
 * later reaches everyone who never had it overridden, and a row shows at a glance how this
 * person differs from the role.
 */
export function permissionOverrides<R extends StaffRole>(role: R, wanted: Partial<Record<string, boolean>>): Partial<PermissionMap<R>> {
  const overrides: Partial<PermissionMap<R>> = {};
  for (const [name, definition] of permissionsOf(role)) {
    const value = wanted[name];
    if (value !== undefined && value !== definition.granted) overrides[name] = value;
  }
  return overrides;
}
