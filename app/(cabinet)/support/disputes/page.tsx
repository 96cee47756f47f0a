import Link from "next/link";
import { z } from "zod";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { DisputeStatus } from "@/lib/generated/prisma/enums";
import { countOpenDisputes, listDisputes } from "@/lib/disputes/list-disputes";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { DisputeQueue } from "@/components/support/dispute-queue";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return cabinetMetadata("support", t("support.disputes.title"))();
}

const querySchema = z.object({
  status: z.enum(DisputeStatus).catch("open"),
  after: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DisputesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("support");
  const { t } = await getTranslator();
  const raw = await searchParams;
  const { status, after } = querySchema.parse({ status: raw.status ?? "open", after: raw.after });
  const [page, openCount] = await Promise.all([listDisputes(user.id, { status, after }), countOpenDisputes(user.id)]);
  const tabLink = (tab: DisputeStatus, next?: number) => `/support/disputes?status=${tab}${next ? `&after=${next}` : ""}`;

  return (
    <>
      <PageHeader title={t("support.disputes.title")} description={t("support.disputes.description")} />
      <nav aria-label={t("support.disputes.tabs")} className="mb-4 flex flex-wrap gap-2">
        {Object.values(DisputeStatus).map((tab) => (
          <Link
            key={tab}
            href={tabLink(tab)}
            aria-current={tab === status ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
              tab === status && "bg-accent text-accent-foreground",
            )}
          >
            {t(`support.disputes.statuses.${tab}`)}
            {tab === "open" ? <Badge variant={openCount ? "destructive" : "secondary"}>{openCount}</Badge> : null}
          </Link>
        ))}
      </nav>
      {page.disputes.length === 0 ? (
        <EmptyState title={t(`support.disputes.empty.${status}`)} />
      ) : (
        <DisputeQueue disputes={page.disputes} now={new Date()} />
      )}
      {after || page.nextAfter ? (
        <nav aria-label={t("support.orders.pagination")} className="mt-4 flex justify-end gap-2">
          {after ? (
            <Link href={tabLink(status)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              {t("support.disputes.firstPage")}
            </Link>
          ) : null}
          {page.nextAfter ? (
            <Link href={tabLink(status, page.nextAfter)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              {t("support.disputes.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
