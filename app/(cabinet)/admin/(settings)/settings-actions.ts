"use server";

import { z } from "zod";
import { SETTINGS, isSettingKey } from "@/lib/settings/definitions";
import { parseSettingInput, settingKind } from "@/lib/settings/setting-kind";
import { resetSetting, updateSetting } from "@/lib/settings/update-setting";
import type { ActionResult } from "@/components/admin/action-result";
import { fieldError, parseActionInput, runAdminAction } from "../admin-action";

/** Saves one configuration setting from its editor's text (validated by the key's schema). */
export async function saveSettingAction(key: unknown, text: unknown): Promise<ActionResult> {
  return runAdminAction("/admin", "settings.write", async (context) => {
    const { t } = context;
    if (typeof key !== "string" || !isSettingKey(key)) return fieldError("key", t("admin.errors.unknown_setting"));
    const parsed = parseSettingInput(settingKind(key), typeof text === "string" ? text : "");
    if (!parsed.ok) fieldError(key, t(`admin.validation.${parsed.reason}`));
    // The same check updateSetting makes, here in the reader's language.
    parseActionInput(z.object({ [key]: SETTINGS[key].schema }), { [key]: parsed.value }, context);
    const change = await updateSetting({ key, value: parsed.value }, context.actor);
    return change.changed ? t("admin.settings.saved", { key }) : t("admin.common.noChanges");
  });
}

/** Puts one setting back to its default. */
export async function resetSettingAction(key: unknown): Promise<ActionResult> {
  return runAdminAction("/admin", "settings.write", async ({ actor, t }) => {
    if (typeof key !== "string" || !isSettingKey(key)) return fieldError("key", t("admin.errors.unknown_setting"));
    const change = await resetSetting(key, actor);
    return change.changed ? t("admin.settings.resetDone", { key }) : t("admin.common.noChanges");
  });
}
