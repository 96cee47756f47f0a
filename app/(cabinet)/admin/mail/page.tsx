import Link from "next/link";
import { requirePermission } from "@/lib/web/session";
import { listOutboxEmails, OUTBOX_PAGE_SIZE } from "@/lib/email/list-outbox";
import { EmailStatus } from "@/lib/generated/prisma/enums";
import { getTranslator } from "@/lib/web/locale";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { cn } from "@/components/ui/cn";
import { TableCell, TableRow } from "@/components/ui/table";
import { EmailStatusBadge } from "./email-status-badge";

export const generateMetadata = adminMetadata("admin.mail.title");

const STATUSES = Object.values(EmailStatus);

function isStatus(value: unknown): value is EmailStatus {
  return typeof value === "string" && (STATUSES as string[]).includes(value);
}

export default async function MailOutboxPage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
  const user = await requirePermission("admin", "mail.read");
  const { status: rawStatus } = await searchParams;
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const [{ t }, emails] = await Promise.all([getTranslator(), listOutboxEmails(user.id, { status })]);
  const columns = [t("admin.mail.to"), t("admin.mail.subject"), t("admin.mail.template"), t("admin.mail.status"), t("admin.mail.created"), t("admin.mail.sent")];

  return (
    <>
      <PageHeader title={t("admin.mail.title")} description={t("admin.mail.description", { count: OUTBOX_PAGE_SIZE })} />
      <nav aria-label={t("admin.mail.byStatus")} className="mb-4 flex flex-wrap gap-2">
        {[undefined, ...STATUSES].map((option) => (
          <Link
            key={option ?? "all"}
            href={option ? `/admin/mail?status=${option}` : "/admin/mail"}
            aria-current={option === status ? "page" : undefined}
            className={cn(
              "rounded-md border px-3 py-1 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground",
              option === status && "bg-accent text-accent-foreground",
            )}
          >
            {option ? t(`admin.mail.statuses.${option}`) : t("admin.common.all")}
          </Link>
        ))}
      </nav>
      {emails.length === 0 ? (
        <EmptyState title={status ? t("admin.mail.emptyStatus", { status: t(`admin.mail.statuses.${status}`) }) : t("admin.mail.empty")} />
      ) : (
        <DataTableCard columns={columns}>
          {emails.map((email) => (
            <TableRow key={email.id.toString()}>
              <TableCell className="max-w-56 truncate">{email.to}</TableCell>
              <TableCell className="min-w-64 max-w-md whitespace-normal">
                <Link href={`/admin/mail/${email.id}`} className="font-medium underline-offset-4 hover:underline">
                  {email.subject}
                </Link>
                {email.lastError ? <div className="truncate text-xs text-destructive" title={email.lastError}>{email.lastError}</div> : null}
              </TableCell>
              <TableCell className="font-mono text-xs">{email.template}</TableCell>
              <TableCell>
                <EmailStatusBadge status={email.status} label={t(`admin.mail.statuses.${email.status}`)} />
              </TableCell>
              <TableCell>
                <DateTime value={email.createdAt} />
              </TableCell>
              <TableCell>
                <DateTime value={email.sentAt} />
              </TableCell>
            </TableRow>
          ))}
        </DataTableCard>
      )}
    </>
  );
}
