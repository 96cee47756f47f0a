import "server-only";
import { prisma } from "@/lib/db/client";
import { SETTINGS, isSettingKey, type SettingKey, type SettingValue } from "./definitions";

export type Settings = { [K in SettingKey]: SettingValue<K> };

// All settings are read in one query and kept for a moment: the hot path does not pay a round
// trip per key, and an admin's change is seen within CACHE_MS (at once in this process).
const CACHE_MS = 1000;
let cached: { at: number; value: Promise<Settings> } | undefined;

async function load(): Promise<Settings> {
  const rows = await prisma.configurationSetting.findMany({ select: { key: true, value: true } });
  const settings = Object.fromEntries(Object.entries(SETTINGS).map(([key, def]) => [key, def.default])) as unknown as Settings;
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue;
    // A stored value that no longer parses falls back to the default rather than breaking orders.
    const parsed = SETTINGS[row.key].schema.safeParse(row.value);
    if (parsed.success) (settings as Record<string, unknown>)[row.key] = parsed.data;
  }
  return settings;
}

export function readSettings(now = Date.now()): Promise<Settings> {
  if (!cached || now - cached.at > CACHE_MS) {
    const value = load();
    cached = { at: now, value };
    value.catch(() => (cached = undefined));
  }
  return cached.value;
}

/** Drops the cache; called after a setting changes. */
export function invalidateSettings(): void {
  cached = undefined;
}
