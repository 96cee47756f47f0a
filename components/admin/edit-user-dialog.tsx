"use client";

import { useState } from "react";
import { Loader2, Pencil } from "lucide-react";
import type { Role } from "@/lib/auth/roles";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "./action-result";
import { FormField } from "./form-field";
import { useAdminAction } from "./use-admin-action";

export interface EditableUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  profile: { username: string; roleDescription: string | null; permissionsText: string } | null;
}

export interface UserProfileForm {
  userId: number;
  name: string;
  username?: string;
  roleDescription?: string;
  grantedPermissions?: string;
}

/** Edits a user's name and, for admin/support/teamlead, username, description and granted_permissions. */
export function EditUserDialog({ user, action }: { user: EditableUser; action: (input: UserProfileForm) => Promise<ActionResult> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { run, pending, fieldErrors, setFieldErrors } = useAdminAction();
  const id = (field: string) => `user-${user.id}-${field}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFieldErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.users.editUser", { email: user.email })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("admin.common.edit")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("admin.users.editTitle")}</DialogTitle>
          <DialogDescription className="break-all">
            {user.email} · {t(`roles.${user.role}`)}
          </DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const input: UserProfileForm = { userId: user.id, name: String(form.get("name") ?? "") };
            if (user.profile) {
              input.username = String(form.get("username") ?? "");
              input.grantedPermissions = String(form.get("grantedPermissions") ?? "");
              if (user.role === "support") input.roleDescription = String(form.get("roleDescription") ?? "");
            }
            run(() => action(input), () => setOpen(false));
          }}
        >
          <FormField id={id("name")} name="name" label={t("admin.users.name")} error={fieldErrors.name}>
            {(control) => <Input {...control} defaultValue={user.name ?? ""} autoComplete="off" />}
          </FormField>
          {user.profile ? (
            <>
              <FormField id={id("username")} name="username" label={t("admin.users.username")} error={fieldErrors.username}>
                {(control) => <Input {...control} defaultValue={user.profile!.username} autoComplete="off" />}
              </FormField>
              {user.role === "support" ? (
                <FormField id={id("roleDescription")} name="roleDescription" label={t("admin.users.roleDescription")} error={fieldErrors.roleDescription}>
                  {(control) => <Input {...control} defaultValue={user.profile!.roleDescription ?? ""} autoComplete="off" />}
                </FormField>
              ) : null}
              <FormField
                id={id("permissions")}
                name="grantedPermissions"
                label={t("admin.users.permissions")}
                hint={t("admin.users.permissionsHint")}
                error={fieldErrors.grantedPermissions}
              >
                {(control) => <Textarea {...control} defaultValue={user.profile!.permissionsText} rows={5} spellCheck={false} className="font-mono text-xs" />}
              </FormField>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">{t("admin.users.noProfile")}</p>
          )}
          <DialogFooter>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("admin.common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
