"use client";

import { useState } from "react";
import { Loader2, UserPlus } from "lucide-react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "./action-result";
import { FormField } from "./form-field";
import { useAdminAction } from "./use-admin-action";

const STAFF: Role[] = ["admin", "support", "teamlead"];

export interface InviteInput {
  email: string;
  role: Role;
  name: string;
  grantedPermissions?: string;
}

/** "Invite user": email, role, name and (staff roles) granted permissions; the invitation goes out by email. */
export function InviteUserDialog({ action }: { action: (input: InviteInput) => Promise<ActionResult> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>("merchant");
  const { run, pending, fieldErrors, setFieldErrors } = useAdminAction();
  const isStaff = STAFF.includes(role);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFieldErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button type="button">
          <UserPlus className="size-4" aria-hidden="true" />
          {t("admin.users.invite")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("admin.users.inviteTitle")}</DialogTitle>
          <DialogDescription>{t("admin.users.inviteDescription")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const input: InviteInput = { email: String(form.get("email") ?? ""), role, name: String(form.get("name") ?? "") };
            if (isStaff) input.grantedPermissions = String(form.get("grantedPermissions") ?? "{}");
            run(() => action(input), () => setOpen(false));
          }}
        >
          <FormField id="invite-email" name="email" label={t("admin.users.email")} error={fieldErrors.email}>
            {(control) => <Input {...control} type="email" autoComplete="off" required />}
          </FormField>
          <FormField id="invite-role" name="role" label={t("admin.users.role")} error={fieldErrors.role}>
            {(control) => (
              <NativeSelect {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
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
          {isStaff ? (
            <FormField
              id="invite-permissions"
              name="grantedPermissions"
              label={t("admin.users.permissions")}
              hint={t("admin.users.permissionsHint")}
              error={fieldErrors.grantedPermissions}
            >
              {(control) => <Textarea {...control} defaultValue="{}" rows={3} spellCheck={false} className="font-mono text-xs" />}
            </FormField>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("admin.users.sendInvitation")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
