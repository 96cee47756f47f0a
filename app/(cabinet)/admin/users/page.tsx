import { requirePermission } from "@/lib/web/session";
import { effectivePermissions, isStaffRole } from "@/lib/auth/permissions";
import { ROLES, isRole } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import { listUsers, type AdminUserRow } from "@/lib/users/list-users";
import { ActionSwitch } from "@/components/admin/action-switch";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { EditUserDialog } from "@/components/admin/edit-user-dialog";
import { EndSessionsButton } from "@/components/admin/end-sessions-button";
import { InviteUserDialog } from "@/components/admin/invite-user-dialog";
import { ListFilterForm } from "@/components/admin/list-filter-form";
import { KeysetPagination } from "@/components/admin/pagination";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { endUserSessionsAction, inviteUserAction, resetUserTwoFactorAction, setUserActiveAction, updateUserAction } from "./actions";

export const generateMetadata = adminMetadata("admin.users.title");

type Search = { role?: string; q?: string; after?: string };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const admin = await requirePermission("admin", "users.manage");
  // Admin accounts (one's own included) are changed only with users.manage_admins; the domain checks again.
  const mayChange = (role: string) => role !== "admin" || admin.permissions["users.manage_admins"];
  const params = await searchParams;
  const role = isRole(params.role) ? params.role : undefined;
  const search = typeof params.q === "string" ? params.q.slice(0, 100) : undefined;
  const after = typeof params.after === "string" ? params.after : undefined;
  const [{ t }, page] = await Promise.all([getTranslator(), listUsers(admin.id, { role, search, after })]);

  const columns = [t("admin.users.user"), t("admin.users.role"), t("admin.users.active"), t("admin.users.lastLogin"), t("admin.users.created"), t("common.actions")];
  return (
    <>
      <PageHeader title={t("admin.users.title")} description={t("admin.users.description")}>
        <InviteUserDialog roles={ROLES.filter(mayChange)} action={inviteUserAction} />
      </PageHeader>
      <ListFilterForm
        idPrefix="users"
        filter={{ name: "role", label: t("admin.users.role"), value: role ?? "", options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), className: "sm:w-44" }}
        search={search}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={t("admin.users.empty")} />
      ) : (
        <DataTableCard columns={columns}>
          {page.rows.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === admin.id} mayChange={mayChange(user.role)} t={t} />
          ))}
        </DataTableCard>
      )}
      <KeysetPagination
        path="/admin/users"
        params={{ role, q: search }}
        cursorParam="after"
        nextCursor={page.nextCursor}
        onFirstPage={!after}
        labels={{ first: t("admin.common.firstPage"), next: t("admin.common.nextPage"), navigation: t("admin.common.pages") }}
      />
    </>
  );
}

/** One account: `isSelf` for the admin's own (never deactivated here), `mayChange` whether this admin may change it. */
function UserRow({ user, isSelf, mayChange, t }: { user: AdminUserRow; isSelf: boolean; mayChange: boolean; t: Translate }) {
  return (
    <TableRow data-user={user.email}>
      <TableCell className="min-w-56 whitespace-normal">
        <div className="font-medium">{user.name ?? t("common.none")}</div>
        <div className="break-all text-xs text-muted-foreground">{user.email}</div>
        {user.invited ? (
          <Badge variant="warning" className="mt-1">
            {t("admin.users.invitedBadge")}
          </Badge>
        ) : null}
      </TableCell>
      <TableCell>
        <Badge variant="secondary">{t(`roles.${user.role}`)}</Badge>
      </TableCell>
      <TableCell>
        <ActionSwitch
          checked={user.isActive}
          label={t("admin.users.activeFor", { email: user.email })}
          action={setUserActiveAction.bind(null, user.id)}
          disabled={isSelf || !mayChange}
          title={isSelf ? t("errors.cannot_deactivate_self") : !mayChange ? t("errors.cannot_manage_admins") : undefined}
        />
      </TableCell>
      <TableCell>
        <DateTime value={user.lastLoginAt} />
      </TableCell>
      <TableCell>
        <DateTime value={user.createdAt} />
      </TableCell>
      <TableCell>
        <div className="flex items-center gap-1">
          {mayChange ? (
            <EditUserDialog
              user={{
                id: user.id,
                email: user.email,
                name: user.name,
                role: user.role,
                profile:
                  user.profile && isStaffRole(user.role)
                    ? { username: user.profile.username, roleDescription: user.profile.roleDescription, permissions: effectivePermissions(user.role, user.profile.grantedPermissions) }
                    : null,
              }}
              action={updateUserAction}
            />
          ) : null}
          {mayChange && !user.invited ? (
            <EndSessionsButton label={t("admin.users.endSessionsFor", { email: user.email })} action={endUserSessionsAction.bind(null, user.id)} />
          ) : null}
          {mayChange && user.twoFactor ? (
            <EndSessionsButton icon="two-factor" label={t("admin.users.resetTwoFactorFor", { email: user.email })} action={resetUserTwoFactorAction.bind(null, user.id)} />
          ) : null}
        </div>
      </TableCell>
    </TableRow>
  );
}
