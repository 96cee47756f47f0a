import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/web/session";
import { getDevelopmentLiveText, getOutboxEmail } from "@/lib/email/list-outbox";
import { getTranslator } from "@/lib/web/locale";
import type { Translate } from "@/lib/i18n/translate";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { DateTime } from "@/components/cabinet/date-time";
import { PageHeader } from "@/components/cabinet/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmailStatusBadge } from "../email-status-badge";

export const generateMetadata = adminMetadata("admin.mail.email");

type OutboxEmail = NonNullable<Awaited<ReturnType<typeof getOutboxEmail>>>;

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("admin", "mail.read");
  const { id } = await params;
  if (!/^\d{1,18}$/.test(id)) notFound();
  const [{ t }, email, liveText] = await Promise.all([getTranslator(), getOutboxEmail(user.id, BigInt(id)), getDevelopmentLiveText(user.id, BigInt(id))]);
  if (!email) notFound();

  return (
    <>
      <PageHeader title={email.subject}>
        <Link href="/admin/mail" className={buttonVariants({ variant: "outline", size: "sm" })}>
          {t("admin.mail.back")}
        </Link>
      </PageHeader>
      <div className="grid gap-6">
        <EmailFacts email={email} t={t} />
        {liveText ? (
          // `next dev` on the local demo database without a mail provider only: links are redacted everywhere else.
          <Card className="border-amber-500">
            <CardHeader>
              <CardTitle>Development only: the email with its live link</CardTitle>
            </CardHeader>
            <CardContent>
              <pre data-testid="development-live-text" className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-muted p-4 font-mono text-xs">{liveText}</pre>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>{t("admin.mail.html")}</CardTitle>
          </CardHeader>
          <CardContent>
            {/* An empty sandbox: the email renders as the recipient sees it, with no script and no access to this page. */}
            <iframe title={t("admin.mail.htmlBody")} sandbox="" srcDoc={email.html} className="h-[36rem] w-full rounded-md border bg-white" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("admin.mail.text")}</CardTitle>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-muted p-4 font-mono text-xs">{email.text}</pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
}

/** Who it went to, its template and delivery state; facts that do not apply are left out. */
function EmailFacts({ email, t }: { email: OutboxEmail; t: Translate }) {
  const facts: [string, ReactNode][] = [
    [t("admin.mail.to"), email.to],
    [t("admin.mail.template"), <code className="font-mono text-xs">{email.template}</code>],
    [t("admin.mail.status"), <EmailStatusBadge status={email.status} label={t(`admin.mail.statuses.${email.status}`)} />],
    [t("admin.mail.attempts"), email.attempts],
    [t("admin.mail.created"), <DateTime value={email.createdAt} />],
    [t("admin.mail.sent"), <DateTime value={email.sentAt} />],
    [t("admin.mail.nextAttempt"), email.status === "queued" ? <DateTime value={email.nextAttemptAt} /> : null],
    [t("admin.mail.providerId"), email.providerId ? <code className="font-mono text-xs">{email.providerId}</code> : null],
    [t("admin.mail.lastError"), email.lastError ? <span className="text-destructive">{email.lastError}</span> : null],
  ];
  return (
    <Card>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {facts
            .filter(([, value]) => value !== null)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
        </dl>
      </CardContent>
    </Card>
  );
}
