import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { ensureRole } from "@/lib/platform/reference-data";

export { ensureRole };
import type { Db } from "./db";
import { uniqueSuffix } from "./unique";

export const DEFAULT_TEST_PASSWORD = "test-password";

// Password hashing (argon2id) is slow by design; factories hash each distinct password once per process.
const hashes = new Map<string, Promise<string>>();
export function cachedPasswordHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export interface CreateUserInput {
  role?: Role;
  email?: string;
  password?: string;
  name?: string | null;
  isActive?: boolean;
  locale?: string;
}

export async function createUser(db: Db, input: CreateUserInput = {}) {
  const role = await ensureRole(db, input.role ?? "merchant");
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: {
      email: (input.email ?? `${role.name}-${suffix}@test.jivapay.dev`).toLowerCase(),
      passwordHash: await cachedPasswordHash(input.password ?? DEFAULT_TEST_PASSWORD),
      roleId: role.id,
      name: input.name === undefined ? `Test ${role.name} ${suffix}` : input.name,
      isActive: input.isActive ?? true,
      locale: input.locale ?? "en",
    },
  });
  return { ...user, role };
}

/**
 * `grantedPermissions`: the profile's JSON, overrides of the role's defaults
 * (lib/auth/permissions.ts). Omitted, a factory user has exactly the defaults — e.g. an admin
 * without users.manage_admins; pass `{ "users.manage_admins": true }` for one with it.
 */
type ProfileInput = CreateUserInput & { username?: string; grantedPermissions?: Partial<Record<string, boolean>> };

/** An admin user with its profile. */
export async function createAdmin(db: Db, input: ProfileInput = {}) {
  const user = await createUser(db, { ...input, role: "admin" });
  const profile = await db.admin.create({
    data: { userId: user.id, username: input.username ?? usernameOf(user.email), grantedPermissions: input.grantedPermissions ?? {} },
  });
  return { user, profile };
}

/** A support user with its profile. */
export async function createSupport(db: Db, input: ProfileInput & { roleDescription?: string } = {}) {
  const user = await createUser(db, { ...input, role: "support" });
  const profile = await db.support.create({
    data: {
      userId: user.id,
      username: input.username ?? usernameOf(user.email),
      roleDescription: input.roleDescription ?? "First-line support",
      grantedPermissions: input.grantedPermissions ?? {},
    },
  });
  return { user, profile };
}

/** A team lead user with its profile (traders join with createTrader({ teamLeadId })). */
export async function createTeamlead(db: Db, input: ProfileInput = {}) {
  const user = await createUser(db, { ...input, role: "teamlead" });
  const profile = await db.teamlead.create({
    data: {
      userId: user.id,
      username: input.username ?? usernameOf(user.email),
      grantedPermissions: input.grantedPermissions ?? {},
    },
  });
  return { user, profile };
}

function usernameOf(email: string): string {
  return email.split("@")[0].replace(/[^a-z0-9_.-]/g, "_").slice(0, 64);
}
