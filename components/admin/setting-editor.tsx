"use client";

import { useState } from "react";
import { Loader2, RotateCcw } from "lucide-react";
import type { SettingKind } from "@/lib/settings/setting-kind";
import { useT } from "@/components/i18n/i18n-provider";
import { DateTime } from "@/components/cabinet/date-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/web/action";
import { FormField, type FieldControlProps } from "@/components/cabinet/form-field";
import { useAction } from "@/components/ui/use-action";

export interface SettingEditorProps {
  settingKey: string;
  kind: SettingKind;
  /** The value in force, as the editor shows it. */
  text: string;
  defaultText: string;
  isDefault: boolean;
  /** A stored value the schema rejects (the platform runs on the default meanwhile). */
  invalidStored: string | null;
  description: string;
  updatedAt: Date | null;
  updatedByEmail: string | null;
  save: (text: string) => Promise<ActionResult<{ message: string }>>;
  reset: () => Promise<ActionResult<{ message: string }>>;
  /** Shown without editing (an admin without settings.write; the actions refuse them too). */
  readOnly?: boolean;
}

function Control({ kind, value, onChange, control }: { kind: SettingKind; value: string; onChange: (value: string) => void; control: FieldControlProps }) {
  const t = useT();
  switch (kind) {
    case "boolean":
      return (
        <div className="flex items-center gap-3">
          <Switch {...control} checked={value === "true"} onCheckedChange={(checked) => onChange(String(checked))} />
          <span className="text-sm text-muted-foreground">{value === "true" ? t("admin.settings.on") : t("admin.settings.off")}</span>
        </div>
      );
    case "json":
      return (
        <Textarea
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={Math.min(Math.max(value.split("\n").length, 2), 12)}
          spellCheck={false}
          className="font-mono text-xs"
        />
      );
    case "number":
      return <Input {...control} value={value} onChange={(e) => onChange(e.target.value)} inputMode="numeric" autoComplete="off" className="max-w-48 font-mono" />;
    case "string":
      return <Input {...control} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" className="max-w-md font-mono" />;
  }
}

/** One configuration setting: what it means, its value in a type-appropriate editor, save and reset. */
export function SettingEditor(props: SettingEditorProps) {
  const t = useT();
  const { run, pending, fieldErrors } = useAction();
  const [value, setValue] = useState(props.text);
  const id = `setting-${props.settingKey.replace(/[^a-z0-9_-]/gi, "-")}`;
  const dirty = value !== props.text;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-label`}
      data-setting={props.settingKey}
      className="grid gap-3 py-4 first:pt-0 last:pb-0 lg:grid-cols-[minmax(0,1fr)_minmax(18rem,26rem)] lg:gap-x-8"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => props.save(value));
      }}
    >
      <div className="grid content-start gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <span id={`${id}-label`} className="break-all font-mono text-sm font-medium">
            {props.settingKey}
          </span>
          <Badge variant={props.isDefault ? "secondary" : "warning"}>{props.isDefault ? t("admin.settings.default") : t("admin.settings.changed")}</Badge>
        </div>
        <p className="text-sm text-muted-foreground">{props.description}</p>
        {props.invalidStored ? (
          <p className="text-sm text-destructive">{t("admin.settings.invalidStored", { value: props.invalidStored })}</p>
        ) : null}
      </div>
      <fieldset disabled={props.readOnly} className="grid min-w-0 content-start gap-3">
        <FormField
          id={id}
          name={props.settingKey}
          label={<span className="sr-only">{props.settingKey}</span>}
          error={fieldErrors[props.settingKey] ?? fieldErrors.key}
          hint={
            <>
              {t("admin.settings.defaultValue")} <code className="break-all font-mono">{props.defaultText.replace(/\s*\n\s*/g, " ")}</code>
              {props.updatedByEmail ? (
                <>
                  {" · "}
                  {t("admin.settings.updatedBy", { email: props.updatedByEmail })} <DateTime value={props.updatedAt} />
                </>
              ) : null}
            </>
          }
        >
          {(control) => <Control kind={props.kind} value={value} onChange={setValue} control={control} />}
        </FormField>
        <div className="flex flex-wrap gap-2" hidden={props.readOnly}>
          <Button type="submit" size="sm" disabled={pending || !dirty} aria-busy={pending}>
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
            {t("admin.common.save")}
          </Button>
          {dirty ? (
            <Button type="button" size="sm" variant="ghost" disabled={pending} onClick={() => setValue(props.text)}>
              {t("admin.common.discard")}
            </Button>
          ) : null}
          <Button type="button" size="sm" variant="outline" disabled={pending || props.isDefault} onClick={() => run(props.reset)}>
            <RotateCcw className="size-4" aria-hidden="true" />
            {t("admin.settings.reset")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
