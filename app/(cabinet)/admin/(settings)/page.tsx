import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { MessageKey } from "@/lib/i18n/translate";
import { listConfigurationSettings, type ConfigurationSettingRow } from "@/lib/settings/list-configuration-settings";
import { settingDescription } from "@/lib/settings/setting-descriptions";
import { settingText } from "@/lib/settings/setting-kind";
import { SettingEditor } from "@/components/admin/setting-editor";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { PageHeader } from "@/components/cabinet/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { resetSettingAction, saveSettingAction } from "./settings-actions";

export const generateMetadata = adminMetadata("admin.settings.title");

/** Settings grouped by the part of their key before the first dot (order, matching, fraud, …). */
function groupByPrefix(settings: ConfigurationSettingRow[]): [string, ConfigurationSettingRow[]][] {
  const groups = new Map<string, ConfigurationSettingRow[]>();
  for (const setting of settings) {
    const prefix = setting.key.split(".")[0];
    groups.set(prefix, [...(groups.get(prefix) ?? []), setting]);
  }
  return [...groups];
}

export default async function AdminSettingsPage() {
  // Every admin reads the settings; saving them needs settings.write (the actions check it).
  const user = await requireRole("admin");
  const readOnly = !user.permissions["settings.write"];
  const [{ t, locale }, settings] = await Promise.all([getTranslator(), listConfigurationSettings(user.id)]);

  return (
    <>
      <PageHeader title={t("admin.settings.title")} description={t("admin.settings.description")} />
      <div className="grid gap-6">
        {groupByPrefix(settings).map(([prefix, rows]) => {
          const groupKey = `admin.settings.groups.${prefix}`;
          const groupTitle = t(groupKey as MessageKey);
          return (
            <Card key={prefix} role="region" aria-labelledby={`settings-group-${prefix}`}>
              <CardHeader>
                <CardTitle id={`settings-group-${prefix}`}>{groupTitle === groupKey ? prefix : groupTitle}</CardTitle>
              </CardHeader>
              <CardContent className="grid divide-y">
                {rows.map((setting) => {
                  const text = settingText(setting.kind, setting.value);
                  return (
                    <SettingEditor
                      // Remounted with the saved value after a change, so the field shows what is stored.
                      key={`${setting.key}:${text}`}
                      settingKey={setting.key}
                      kind={setting.kind}
                      text={text}
                      defaultText={settingText(setting.kind, setting.defaultValue)}
                      isDefault={setting.isDefault}
                      invalidStored={setting.invalidStoredValue === undefined ? null : JSON.stringify(setting.invalidStoredValue)}
                      description={settingDescription(setting.key, locale)}
                      updatedAt={setting.updatedAt}
                      updatedByEmail={setting.updatedByEmail}
                      save={saveSettingAction.bind(null, setting.key)}
                      reset={resetSettingAction.bind(null, setting.key)}
                      readOnly={readOnly}
                    />
                  );
                })}
              </CardContent>
            </Card>
          );
        })}
      </div>
    </>
  );
}
