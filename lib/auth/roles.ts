export const ROLES = ["admin", "merchant", "trader", "teamlead", "support"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Where each role lands after signing in. */
export function cabinetPath(role: Role): `/${Role}` {
  return `/${role}`;
}
