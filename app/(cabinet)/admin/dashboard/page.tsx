import Link from "next/link";
import type { ReactNode } from "react";
import { requireRole } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { GRANULARITIES, getPlatformDashboard, type Breakdown, type FailureReason, type Granularity, type PlatformDashboard } from "@/lib/metrics/get-platform-dashboard";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { DashboardCharts } from "@/components/admin/dashboard-charts";
import { formatDuration, formatRatio } from "@/components/admin/format";
import { BalancesTable } from "@/components/cabinet/balances-table";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { formatDay } from "@/lib/format/date";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const generateMetadata = adminMetadata("admin.dashboard.title");

function isGranularity(value: unknown): value is Granularity {
  return typeof value === "string" && (GRANULARITIES as readonly string[]).includes(value);
}

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Card className="gap-1 py-4">
      <CardHeader className="px-4">
        <CardDescription>{label}</CardDescription>
      </CardHeader>
      <CardContent className="px-4 text-xl font-semibold tabular" data-testid={testId}>
        {children}
      </CardContent>
    </Card>
  );
}

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<{ by?: string }> }) {
  const admin = await requireRole("admin");
  const { by } = await searchParams;
  const granularity = isGranularity(by) ? by : "day";
  const [{ t, locale }, d] = await Promise.all([getTranslator(), getPlatformDashboard(admin.id, granularity)]);
  const usdt = d.settlement;

  return (
    <>
      <PageHeader
        title={t("admin.dashboard.title")}
        description={t("admin.dashboard.description", { from: formatDay(new Date(d.from), locale), to: formatDay(new Date(d.to), locale) })}
      >
        <GranularityNav granularity={granularity} t={t} />
      </PageHeader>

      <TotalsSection dashboard={d} t={t} locale={locale} />

      <Card className="mt-6">
        <CardContent>
          <DashboardCharts
            granularity={granularity}
            exponent={usdt.exponent}
            code={usdt.code}
            series={d.series.map((b) => ({ start: b.start, created: b.created, completed: b.completed, volume: b.volume.toString(), profit: b.profit.toString() }))}
          />
        </CardContent>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <BreakdownCard title={t("admin.dashboard.byCurrency")} rows={d.byCurrency} t={t} locale={locale} usdt={usdt} fiat />
        <BreakdownCard title={t("admin.dashboard.byStore")} rows={d.byStore} t={t} locale={locale} usdt={usdt} />
        <BreakdownCard title={t("admin.dashboard.byTeam")} rows={d.byTeam} t={t} locale={locale} usdt={usdt} />
        <FailureReasonsCard rows={d.failureReasons} t={t} />
        <PlatformBalancesCard rows={d.platformBalances} t={t} />
      </div>
      <p className="mt-6 text-xs text-muted-foreground">
        {t("admin.dashboard.freshness")} {d.refreshedAt ? <DateTime value={d.refreshedAt} /> : null}
      </p>
    </>
  );
}

/** Day, week or month: links that keep the choice in the URL. */
function GranularityNav({ granularity, t }: { granularity: Granularity; t: Translate }) {
  return (
    <nav aria-label={t("admin.dashboard.granularity")} className="inline-flex h-9 items-center rounded-lg bg-muted p-1 text-muted-foreground">
      {GRANULARITIES.map((g) => (
        <Link
          key={g}
          href={`/admin/dashboard?by=${g}`}
          aria-current={g === granularity ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            g === granularity && "bg-background text-foreground shadow-sm",
          )}
        >
          {t(`admin.dashboard.by.${g}`)}
        </Link>
      ))}
    </nav>
  );
}

/** The period's totals, and the orders open now. */
function TotalsSection({ dashboard: d, t, locale }: { dashboard: PlatformDashboard; t: Translate; locale: Locale }) {
  const usdt = d.settlement;
  const avgSeconds = d.totals.completed ? Number(d.totals.completionSeconds / BigInt(d.totals.completed)) : null;
  return (
    <section aria-label={t("admin.dashboard.totals")} className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 md:grid-cols-3">
      <Stat label={t("admin.dashboard.volume")} testId="stat-volume">
        <Money amount={d.totals.volume} exponent={usdt.exponent} code={usdt.code} />
      </Stat>
      <Stat label={t("admin.dashboard.profit")} testId="stat-profit">
        <Money amount={d.totals.profit} exponent={usdt.exponent} code={usdt.code} />
      </Stat>
      <Stat label={t("admin.dashboard.conversion")}>{formatRatio(d.totals.completed, d.totals.created, locale)}</Stat>
      <Stat label={t("admin.dashboard.completedOrders")}>{d.totals.completed}</Stat>
      <Stat label={t("admin.dashboard.avgCompletion")}>{avgSeconds === null ? t("common.none") : formatDuration(avgSeconds)}</Stat>
      <Stat label={t("admin.dashboard.openNow")} testId="stat-open">
        {d.openOrders}
      </Stat>
    </section>
  );
}

function FailureReasonsCard({ rows, t }: { rows: FailureReason[]; t: Translate }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("admin.dashboard.failureReasons")}</CardTitle>
        <CardDescription>{t("admin.dashboard.failureWindow")}</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title={t("admin.dashboard.noFailures")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("admin.dashboard.outcome")}</TableHead>
                <TableHead>{t("admin.dashboard.reason")}</TableHead>
                <TableHead className="text-right">{t("admin.dashboard.orders")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={`${row.status}:${row.reason}`}>
                  <TableCell>{t(`orders.status.${row.status}`)}</TableCell>
                  <TableCell className="font-mono text-xs">{row.reason ? reasonText(row.reason, t) : t("common.none")}</TableCell>
                  <TableCell className="tabular text-right">{row.count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function PlatformBalancesCard({ rows, t }: { rows: PlatformDashboard["platformBalances"]; t: Translate }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("admin.dashboard.platformBalances")}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title={t("admin.dashboard.noBalances")} />
        ) : (
          <BalancesTable rows={rows} labels={{ currency: t("admin.dashboard.currency"), available: t("admin.traders.available"), held: t("admin.traders.held") }} />
        )}
      </CardContent>
    </Card>
  );
}

/** A failure reason code in words when we know it, else the code itself. */
function reasonText(reason: string, t: Translate): string {
  const key = `admin.dashboard.reasons.${reason}`;
  const text = t(key as MessageKey);
  return text === key ? reason : text;
}

type BreakdownRowData = Breakdown & { fiatVolume?: bigint; exponent?: number; code?: string };

interface BreakdownProps {
  t: Translate;
  locale: Locale;
  usdt: { code: string; exponent: number };
  /** Show each row's fiat volume under its USDT volume (the by-currency card). */
  fiat?: boolean;
}

function BreakdownCard({ title, rows, ...props }: { title: string; rows: BreakdownRowData[] } & BreakdownProps) {
  const { t } = props;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title={t("admin.dashboard.noData")} />
        ) : (
          <Table aria-label={title}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("admin.dashboard.name")}</TableHead>
                <TableHead className="text-right">{t("admin.dashboard.volume")}</TableHead>
                <TableHead className="text-right">{t("admin.dashboard.profit")}</TableHead>
                <TableHead className="text-right">{t("admin.dashboard.conversion")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <BreakdownRow key={row.key} row={row} {...props} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function BreakdownRow({ row, t, locale, usdt, fiat }: { row: BreakdownRowData } & BreakdownProps) {
  return (
    <TableRow>
      <TableCell className="max-w-48 truncate font-medium">{row.label ?? t("admin.dashboard.noTeam")}</TableCell>
      <TableCell className="text-right">
        <Money amount={row.volume} exponent={usdt.exponent} code={usdt.code} />
        {fiat && row.fiatVolume !== undefined && row.exponent !== undefined && row.code ? (
          <div className="text-xs">
            <Money amount={row.fiatVolume} exponent={row.exponent} code={row.code} />
          </div>
        ) : null}
      </TableCell>
      <TableCell className="text-right">
        <Money amount={row.profit} exponent={usdt.exponent} code={usdt.code} />
      </TableCell>
      <TableCell className="tabular text-right">
        {formatRatio(row.completed, row.created, locale)}
        <div className="text-xs text-muted-foreground">
          {row.completed}/{row.created}
        </div>
      </TableCell>
    </TableRow>
  );
}
