import "server-only";
import { z } from "zod";
import { SETTINGS, isSettingKey, type SettingKey } from "@/lib/settings/definitions";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { recordAudit, toJson, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { changedFields } from "@/lib/audit/changed-fields";
import { parseInput } from "@/lib/validation/messages";

export interface SettingChange {
  key: SettingKey;
  value: unknown;
  /** False when the value was already this one (nothing written, nothing audited). */
  changed: boolean;
}

function settingKey(key: string): SettingKey {
  if (!isSettingKey(key)) throw new DomainError("unknown_setting", `There is no setting "${key}".`, { param: "key" });
  return key;
}

async function writeSetting(key: SettingKey, rawValue: unknown, actor: Actor, action: "setting_updated" | "setting_reset"): Promise<SettingChange> {
  const definition = SETTINGS[key];
  // Validated as a field named after the key, so a refusal names the setting.
  const value = toJson(parseInput(z.object({ [key]: definition.schema }), { [key]: rawValue })[key]);
  const result = await runTransaction(async (tx) => {
    const adminId = await assertAdmin(tx, actor);
    // A key declared in code but never stored yet has been running on its default.
    await tx.$executeRaw`
      INSERT INTO configuration_settings (key, value, description, updated_at)
      VALUES (${key}, ${JSON.stringify(definition.default)}::jsonb, ${definition.description}, now())
      ON CONFLICT (key) DO NOTHING`;
    // Locked: two admins saving the same key record each other's value as "old" correctly.
    const [row] = await tx.$queryRaw<{ value: unknown }[]>`SELECT value FROM configuration_settings WHERE key = ${key} FOR UPDATE`;
    const { oldValues, newValues, changed } = changedFields({ value: row.value }, { value });
    if (!changed) return { key, value, changed: false };
    await tx.configurationSetting.update({ where: { key }, data: { value, updatedById: adminId } });
    await recordAudit(tx, actor, { action, entityType: "configuration_setting", entityId: key, oldValues, newValues });
    return { key, value, changed: true };
  });
  // This process sees the change at once; other app processes within read-settings' cache time.
  if (result.changed) invalidateSettings();
  return result;
}

/**
 * Sets configuration setting `key` to `value` after validating it with the key's zod schema (a
 * bad value is refused and nothing is written), recording who changed it and an audit row with
 * the old and the new value in the same transaction. Effective without a restart.
 */
export async function updateSetting(input: { key: string; value: unknown }, actor: Actor): Promise<SettingChange> {
  return writeSetting(settingKey(input.key), input.value, actor, "setting_updated");
}

/** Puts `key` back to its default from lib/settings/definitions.ts, audited like any change. */
export async function resetSetting(key: string, actor: Actor): Promise<SettingChange> {
  const known = settingKey(key);
  return writeSetting(known, SETTINGS[known].default, actor, "setting_reset");
}
