"use client";

import { useState } from "react";
import { permissionsOf, type StaffRole } from "@/lib/auth/permissions";
import { useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";

const FIELD = "permission:";

/** The ticks of a form holding PermissionCheckboxes: every permission of the role, true or false. */
export function readPermissionTicks(form: FormData, role: StaffRole): Record<string, boolean> {
  return Object.fromEntries(permissionsOf(role).map(([name]) => [name, form.get(`${FIELD}${name}`) === "on"]));
}

/**
 * One checkbox per permission of `role` (lib/auth/permissions.ts) with its label, description
 * and default, starting from `initial` (the person's effective permissions); a tick that
 * differs from the role's default is marked "changed". Used by the invite and edit dialogs,
 * which read the ticks with readPermissionTicks and send them all: the server keeps only the
 * differences from the defaults.
 */
export function PermissionCheckboxes({
  role,
  initial,
  idPrefix,
  error,
}: {
  role: StaffRole;
  initial: Readonly<Record<string, boolean>>;
  idPrefix: string;
  error?: string;
}) {
  const t = useT();
  const [ticks, setTicks] = useState<Record<string, boolean>>(initial);
  const errorId = `${idPrefix}-permissions-error`;
  return (
    <fieldset className="grid gap-3" aria-describedby={error ? errorId : undefined} data-permissions={role}>
      <legend className="mb-1 text-sm font-medium">{t("admin.permissions.title")}</legend>
      <p className="text-xs text-muted-foreground">{t("admin.permissions.hint")}</p>
      <ul className="grid gap-3">
        {permissionsOf(role).map(([name, definition]) => {
          const id = `${idPrefix}-permission-${name.replace(/[^a-z0-9_-]/gi, "-")}`;
          const checked = ticks[name] ?? definition.granted;
          return (
            <li key={name} className="flex items-start gap-3" data-permission={name}>
              <input
                type="checkbox"
                id={id}
                name={`${FIELD}${name}`}
                checked={checked}
                onChange={(event) => setTicks((current) => ({ ...current, [name]: event.target.checked }))}
                aria-describedby={`${id}-description`}
                className="mt-0.5 size-4 shrink-0 accent-primary"
              />
              <div className="grid gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Label htmlFor={id}>{t(`admin.permissions.items.${definition.text}.label`)}</Label>
                  <Badge variant="secondary">{t(definition.granted ? "admin.permissions.defaultOn" : "admin.permissions.defaultOff")}</Badge>
                  {checked !== definition.granted ? <Badge variant="warning">{t("admin.permissions.changed")}</Badge> : null}
                </div>
                <p id={`${id}-description`} className="text-xs text-muted-foreground">
                  <code className="font-mono">{name}</code> · {t(`admin.permissions.items.${definition.text}.description`)}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={errorId} className="text-sm text-destructive" data-field-error="grantedPermissions">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
