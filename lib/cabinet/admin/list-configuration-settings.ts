import "server-only";
import { prisma } from "@/lib/db/client";
import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { DomainError } from "@/lib/errors/domain-error";

export interface ConfigurationSettingRow {
  key: string;
  /** The stored JSON value as read. */
  value: JsonValue;
  description: string | null;
  updatedAt: Date;
  updatedByEmail: string | null;
}

/** Every configuration setting, for an active admin; anyone else gets a permission error. */
export async function listConfigurationSettings(adminUserId: number): Promise<ConfigurationSettingRow[]> {
  const admin = await prisma.user.findFirst({
    where: { id: adminUserId, isActive: true, role: { name: "admin" } },
    select: { id: true },
  });
  if (!admin) throw new DomainError("permission", "admin_only", "Only admins can read configuration settings.");

  const settings = await prisma.configurationSetting.findMany({
    orderBy: { key: "asc" },
    select: { key: true, value: true, description: true, updatedAt: true, updatedBy: { select: { email: true } } },
  });
  return settings.map((s) => ({
    key: s.key,
    value: s.value,
    description: s.description,
    updatedAt: s.updatedAt,
    updatedByEmail: s.updatedBy?.email ?? null,
  }));
}
