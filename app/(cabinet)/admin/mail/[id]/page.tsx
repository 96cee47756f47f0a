import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getOutboxEmail } from "@/lib/email/list-outbox";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { DateTime } from "@/components/cabinet/date-time";
import { PageHeader } from "@/components/cabinet/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmailStatusBadge } from "../email-status-badge";

export const generateMetadata = cabinetMetadata("admin", "Email");

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("admin");
  const { id } = await params;
  if (!/^\d{1,18}$/.test(id)) notFound();
  const email = await getOutboxEmail(user.id, BigInt(id));
  if (!email) notFound();

  const facts: [string, ReactNode][] = [
    ["To", email.to],
    ["Template", <code className="font-mono text-xs">{email.template}</code>],
    ["Status", <EmailStatusBadge status={email.status} />],
    ["Attempts", email.attempts],
    ["Created", <DateTime value={email.createdAt} />],
    ["Sent", <DateTime value={email.sentAt} />],
    ["Next attempt", email.status === "queued" ? <DateTime value={email.nextAttemptAt} /> : null],
    ["Provider id", email.providerId ? <code className="font-mono text-xs">{email.providerId}</code> : null],
    ["Last error", email.lastError ? <span className="text-destructive">{email.lastError}</span> : null],
  ];

  return (
    <>
      <PageHeader title={email.subject}>
        <Link href="/admin/mail" className={buttonVariants({ variant: "outline", size: "sm" })}>
          Back to the outbox
        </Link>
      </PageHeader>
      <div className="grid gap-6">
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
        <Card>
          <CardHeader>
            <CardTitle>HTML</CardTitle>
          </CardHeader>
          <CardContent>
            {/* An empty sandbox: the email renders as the recipient sees it, with no script and no access to this page. */}
            <iframe title="HTML body" sandbox="" srcDoc={email.html} className="h-[36rem] w-full rounded-md border bg-white" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Plain text</CardTitle>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-muted p-4 font-mono text-xs">{email.text}</pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
