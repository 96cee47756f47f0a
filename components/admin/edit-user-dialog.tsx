"use client";

import { Pencil } from "lucide-react";
import { isStaffRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/web/action";
import { PermissionCheckboxes, readPermissionTicks } from "./permission-checkboxes";
import { useActionDialog } from "@/components/ui/use-action";

export interface EditableUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  /** Admin, support and teamlead users. */
  profile: {
    username: string;
    roleDescription: string | null;
    /** Effective permissions: the role's defaults with the stored overrides applied. */
    permissions: Readonly<Record<string, boolean>>;
  } | null;
}

export interface UserProfileForm {
  userId: number;
  name: string;
  username?: string;
  roleDescription?: string;
  /** Every permission of the role as ticked; the server stores the differences from the defaults. */
  grantedPermissions?: Record<string, boolean>;
}

/** Edits a user's name and, for admin/support/teamlead, username, description and permissions (checkboxes from the catalog). */
export function EditUserDialog({ user, action }: { user: EditableUser; action: (input: UserProfileForm) => Promise<ActionResult<{ message: string }>> }) {
  const t = useT();
  const { dialog, fieldErrors, submit } = useActionDialog();
  const id = (field: string) => `user-${user.id}-${field}`;
  const staffRole = user.profile && isStaffRole(user.role) ? user.role : null;

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.users.editUser", { email: user.email })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("admin.common.edit")}
        </Button>
      }
      title={t("admin.users.editTitle")}
      description={`${user.email} · ${t(`roles.${user.role}`)}`}
      descriptionClassName="break-all"
      submitLabel={t("admin.common.save")}
      onSubmit={(form) => {
        const input: UserProfileForm = { userId: user.id, name: String(form.get("name") ?? "") };
        if (staffRole) {
          input.username = String(form.get("username") ?? "");
          input.grantedPermissions = readPermissionTicks(form, staffRole);
          if (staffRole === "support") input.roleDescription = String(form.get("roleDescription") ?? "");
        }
        submit(() => action(input));
      }}
    >
      <FormField id={id("name")} name="name" label={t("admin.users.name")} error={fieldErrors.name}>
        {(control) => <Input {...control} defaultValue={user.name ?? ""} autoComplete="off" />}
      </FormField>
      {staffRole && user.profile ? (
        <>
          <FormField id={id("username")} name="username" label={t("admin.users.username")} error={fieldErrors.username}>
            {(control) => <Input {...control} defaultValue={user.profile!.username} autoComplete="off" />}
          </FormField>
          {staffRole === "support" ? (
            <FormField id={id("roleDescription")} name="roleDescription" label={t("admin.users.roleDescription")} error={fieldErrors.roleDescription}>
              {(control) => <Input {...control} defaultValue={user.profile!.roleDescription ?? ""} autoComplete="off" />}
            </FormField>
          ) : null}
          <PermissionCheckboxes role={staffRole} initial={user.profile.permissions} idPrefix={id("profile")} error={fieldErrors.grantedPermissions} />
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("admin.users.noProfile")}</p>
      )}
    </FormDialog>
  );
}
