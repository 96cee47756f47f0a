"use server";

import { z } from "zod";
import { SETTINGS, isSettingKey } from "@/lib/settings/definitions";
import { parseSettingInput, settingKind } from "@/lib/settings/setting-kind";
import { resetSetting, updateSetting } from "@/lib/settings/update-setting";
import { runAction, type ActionResult } from "@/lib/web/action";

const write = { role: "admin", permission: "settings.write", revalidate: "/admin" } as const;

/** Saves one configuration setting from its editor's text (validated by the key's schema). */
export async function saveSettingAction(key: unknown, text: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(write, null, async ({ actor, t, parse }) => {
    if (typeof key !== "string" || !isSettingKey(key)) return { ok: false, fieldErrors: { key: t("errors.unknown_setting") } };
    const parsed = parseSettingInput(settingKind(key), typeof text === "string" ? text : "");
    if (!parsed.ok) return { ok: false, fieldErrors: { [key]: t(`admin.validation.${parsed.reason}`) } };
    // The same check updateSetting makes, here in the reader's language.
    parse(z.object({ [key]: SETTINGS[key].schema }), { [key]: parsed.value });
    const change = await updateSetting({ key, value: parsed.value }, actor);
    return { ok: true, message: change.changed ? t("admin.settings.saved", { key }) : t("admin.common.noChanges") };
  });
}

/** Puts one setting back to its default. */
export async function resetSettingAction(key: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(write, null, async ({ actor, t }) => {
    if (typeof key !== "string" || !isSettingKey(key)) return { ok: false, fieldErrors: { key: t("errors.unknown_setting") } };
    const change = await resetSetting(key, actor);
    return { ok: true, message: change.changed ? t("admin.settings.resetDone", { key }) : t("admin.common.noChanges") };
  });
}
