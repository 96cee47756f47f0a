import Link from "next/link";
import type { ReactNode } from "react";
import type { DisputeStatus } from "@/lib/generated/prisma/enums";
import type { OrderWithDetails } from "@/lib/orders/get-support-order";
import type { ForceOrderForm } from "@/lib/orders/force-order-schema";
import { getTranslator } from "@/lib/web/locale";
import type { ActionResult } from "@/lib/web/action";
import { DateTime } from "@/components/cabinet/date-time";
import { PageHeader } from "@/components/cabinet/page-header";
import { DisputeStatusBadge } from "@/components/support/dispute-status-badge";
import { OrderFacts } from "@/components/support/order-facts";
import { Section } from "@/components/support/section";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ForceOrderSection } from "./force-order-section";

interface StaffOrderPageProps {
  order: OrderWithDetails & { disputes: { id: number; status: DisputeStatus; createdAt: Date }[] };
  title: string;
  back: { href: string; label: string };
  force: { action: (input: ForceOrderForm) => Promise<ActionResult<{ message: string }>>; allowed: boolean };
  /** Where a dispute opens (support's dispute page); plain text without. */
  disputeHref?: (id: number) => string;
  /** The page's own sections after the disputes (requisite, timeline, receipts…). */
  children: ReactNode;
}

/**
 * An order as support and admins see it: the heading, its facts, the force actions while it
 * has not ended and its disputes, then the page's own sections.
 */
export async function StaffOrderPage({ order, title, back, force, disputeHref, children }: StaffOrderPageProps) {
  const { t } = await getTranslator();
  return (
    <>
      {/* The order id is one long word: let the heading break it on a phone. */}
      <div className="[&_h1]:[overflow-wrap:anywhere]">
        <PageHeader title={title}>
          <Link href={back.href} className={buttonVariants({ variant: "outline", size: "sm" })}>
            {back.label}
          </Link>
        </PageHeader>
      </div>
      <div className="grid gap-8">
        <Card>
          <CardContent>
            <OrderFacts order={order} />
          </CardContent>
        </Card>
        <ForceOrderSection order={order} action={force.action} allowed={force.allowed} />
        {order.disputes.length ? (
          <Section title={t("support.order.disputes")} id="order-disputes">
            <ul className="grid gap-2">
              {order.disputes.map((dispute) => (
                <li key={dispute.id} className="flex flex-wrap items-center gap-3 text-sm">
                  {disputeHref ? (
                    <Link href={disputeHref(dispute.id)} className="font-medium underline-offset-4 hover:underline">
                      {t("support.order.disputeLink", { id: dispute.id })}
                    </Link>
                  ) : (
                    <span className="font-medium">{t("support.order.disputeLink", { id: dispute.id })}</span>
                  )}
                  <DisputeStatusBadge status={dispute.status} t={t} />
                  <span className="text-muted-foreground">
                    <DateTime value={dispute.createdAt} />
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {children}
      </div>
    </>
  );
}
