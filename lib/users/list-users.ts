import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { isRole, type Role } from "@/lib/auth/roles";
import { clampLimit, idCursor, toPage, type Page } from "@/lib/pagination/keyset";

export interface AdminUserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  isActive: boolean;
  /** Invited and not yet accepted: inactive, with an invitation link still valid. */
  invited: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** Two-factor sign-in is on (an admin may reset it). */
  twoFactor: boolean;
  /** Admin, support and teamlead profiles (what the profile editor changes). */
  profile: { username: string; roleDescription: string | null; grantedPermissions: Prisma.JsonValue } | null;
}

export interface UserFilters {
  role?: Role;
  /** Part of the email or name, case-insensitive. */
  search?: string;
  /** Cursor from the previous page. */
  after?: string;
  limit?: number;
}

/**
 * Users by id (keyset: each page starts after the previous page's last id), optionally of one
 * role or matching a search, with their staff profile — for an active admin. People are few
 * next to orders, so the text search may scan; the page is still bounded by the limit.
 */
export async function listUsers(adminUserId: number, filters: UserFilters = {}): Promise<Page<AdminUserRow>> {
  await assertAdmin(prisma, { userId: adminUserId });
  const limit = clampLimit(filters.limit);
  const after = idCursor(filters.after);
  const search = filters.search?.trim();
  const profileSelect = { select: { username: true, grantedPermissions: true } } as const;
  const users = await prisma.user.findMany({
    where: {
      ...(after !== undefined ? { id: { gt: after } } : {}),
      ...(filters.role ? { role: { name: filters.role } } : {}),
      ...(search ? { OR: [{ email: { contains: search, mode: "insensitive" } }, { name: { contains: search, mode: "insensitive" } }] } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: {
      id: true,
      email: true,
      name: true,
      isActive: true,
      lastLoginAt: true,
      createdAt: true,
      totpEnabledAt: true,
      role: { select: { name: true } },
      admin: profileSelect,
      teamlead: profileSelect,
      support: { select: { username: true, grantedPermissions: true, roleDescription: true } },
      // Served by the (user_id, purpose) index; at most one row per user.
      authTokens: { where: { purpose: "invite", usedAt: null, expiresAt: { gt: new Date() } }, select: { id: true }, take: 1 },
    },
  });
  const rows = users.map((u): AdminUserRow => {
    const profile = u.admin ?? u.teamlead ?? u.support;
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: isRole(u.role.name) ? u.role.name : "merchant",
      isActive: u.isActive,
      invited: !u.isActive && u.authTokens.length > 0,
      lastLoginAt: u.lastLoginAt,
      createdAt: u.createdAt,
      twoFactor: u.totpEnabledAt !== null,
      profile: profile ? { username: profile.username, roleDescription: u.support?.roleDescription ?? null, grantedPermissions: profile.grantedPermissions } : null,
    };
  });
  return toPage(rows, limit, (row) => String(row.id));
}
