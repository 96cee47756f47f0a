import type { Prisma } from "@/lib/generated/prisma/client";
import { SETTINGS } from "@/lib/settings/definitions";
import type { Db } from "./db";

/**
 * Writes every key of SETTINGS with its default and description, plus `overrides`, where a
 * key is missing; existing values (an admin's edits) are never changed. Returns how many
 * rows were created.
 */
export async function ensureDefaultSettings(
  db: Db,
  overrides: Record<string, { value: Prisma.InputJsonValue; description?: string }> = {},
): Promise<number> {
  const rows = new Map<string, { key: string; value: Prisma.InputJsonValue; description: string | null }>();
  for (const [key, setting] of Object.entries(SETTINGS)) {
    rows.set(key, { key, value: setting.default as Prisma.InputJsonValue, description: setting.description });
  }
  for (const [key, { value, description }] of Object.entries(overrides)) {
    rows.set(key, { key, value, description: description ?? rows.get(key)?.description ?? null });
  }
  const { count } = await db.configurationSetting.createMany({ data: [...rows.values()], skipDuplicates: true });
  return count;
}
