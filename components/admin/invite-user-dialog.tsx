"use client";

import { useState } from "react";
import { UserPlus } from "lucide-react";
import { effectivePermissions, isStaffRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/web/action";
import { PermissionCheckboxes, readPermissionTicks } from "./permission-checkboxes";
import { useActionDialog } from "@/components/ui/use-action";

export interface InviteInput {
  email: string;
  role: Role;
  name: string;
  /** Every permission of a staff role as ticked; the server stores the differences from the defaults. */
  grantedPermissions?: Record<string, boolean>;
}

/**
 * "Invite user": email, role, name and, for staff roles, the permissions as checkboxes starting
 * from the role's defaults; the invitation goes out by email. `roles` are those the admin may
 * invite (admins only with users.manage_admins; the server checks again).
 */
export function InviteUserDialog({ roles, action }: { roles: readonly Role[]; action: (input: InviteInput) => Promise<ActionResult<{ message: string }>> }) {
  const t = useT();
  const [role, setRole] = useState<Role>("merchant");
  const { dialog, fieldErrors, submit } = useActionDialog();

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button">
          <UserPlus className="size-4" aria-hidden="true" />
          {t("admin.users.invite")}
        </Button>
      }
      title={t("admin.users.inviteTitle")}
      description={t("admin.users.inviteDescription")}
      submitLabel={t("admin.users.sendInvitation")}
      onSubmit={(form) => {
        const input: InviteInput = { email: String(form.get("email") ?? ""), role, name: String(form.get("name") ?? "") };
        if (isStaffRole(role)) input.grantedPermissions = readPermissionTicks(form, role);
        submit(() => action(input));
      }}
    >
      <FormField id="invite-email" name="email" label={t("admin.users.email")} error={fieldErrors.email}>
        {(control) => <Input {...control} type="email" autoComplete="off" required />}
      </FormField>
      <FormField id="invite-role" name="role" label={t("admin.users.role")} error={fieldErrors.role}>
        {(control) => (
          <NativeSelect {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <FormField id="invite-name" name="name" label={t("admin.users.name")} error={fieldErrors.name}>
        {(control) => <Input {...control} autoComplete="off" />}
      </FormField>
      {isStaffRole(role) ? (
        // Remounted per role, so switching the role starts again from that role's defaults.
        <PermissionCheckboxes key={role} role={role} initial={effectivePermissions(role, {})} idPrefix="invite" error={fieldErrors.grantedPermissions} />
      ) : null}
    </FormDialog>
  );
}
