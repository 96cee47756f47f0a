import "server-only";
import { prisma } from "@/lib/db/client";
import { SETTINGS, type SettingKey } from "@/lib/settings/definitions";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { settingKind, type SettingKind } from "@/lib/settings/setting-kind";

export interface ConfigurationSettingRow {
  key: SettingKey;
  kind: SettingKind;
  /** What the platform runs on: the stored value when it is valid, else the default. */
  value: unknown;
  defaultValue: unknown;
  isDefault: boolean;
  /** A stored value that fails the key's schema (the platform then runs on the default). */
  invalidStoredValue: unknown;
  /** English; the cabinet shows the reader's language (lib/settings/setting-descriptions.ts). */
  description: string;
  updatedAt: Date | null;
  updatedByEmail: string | null;
}

/**
 * Every setting declared in lib/settings/definitions.ts, in declaration order, with the value in
 * force (as readSettings resolves it), its default and who changed it last — for an active admin.
 */
export async function listConfigurationSettings(adminUserId: number): Promise<ConfigurationSettingRow[]> {
  await assertAdmin(prisma, { userId: adminUserId });
  const stored = await prisma.configurationSetting.findMany({
    where: { key: { in: Object.keys(SETTINGS) } },
    select: { key: true, value: true, updatedAt: true, updatedBy: { select: { email: true } } },
  });
  const byKey = new Map(stored.map((row) => [row.key, row]));
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
    const definition = SETTINGS[key];
    const row = byKey.get(key);
    const parsed = row ? definition.schema.safeParse(row.value) : undefined;
    const value = parsed?.success ? parsed.data : definition.default;
    return {
      key,
      kind: settingKind(key),
      value,
      defaultValue: definition.default,
      isDefault: JSON.stringify(value) === JSON.stringify(definition.default),
      invalidStoredValue: parsed && !parsed.success ? row!.value : undefined,
      description: definition.description,
      updatedAt: row?.updatedAt ?? null,
      updatedByEmail: row?.updatedBy?.email ?? null,
    };
  });
}
