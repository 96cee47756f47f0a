import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/session";
import { getTraderBalances } from "@/lib/cabinet/trader/get-trader-balances";
import { listTraderRequisites, type TraderRequisiteRow } from "@/lib/cabinet/trader/list-trader-requisites";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TableCell, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("trader", "Requisites and balances");

const STATUS_VARIANT: Record<TraderRequisiteRow["status"], BadgeProps["variant"]> = {
  active: "success",
  inactive: "outline",
  blocked: "destructive",
};

const REQUISITE_TYPES: Record<string, string> = { card: "Card", sbp: "SBP (phone)", account: "Account" };

const REQUISITE_COLUMNS = [
  "Type",
  "Bank",
  "Number",
  "Holder",
  "Status",
  { label: "Min / max", align: "right" },
  { label: "Daily limit", align: "right" },
] as const;

export default async function TraderHomePage() {
  const user = await requireRole("trader");
  const [balances, requisites] = await Promise.all([getTraderBalances(user.id), listTraderRequisites(user.id)]);

  return (
    <>
      <PageHeader title="Requisites and balances" description="Your USDT deposit, the fiat you have received, and the cards and accounts orders are routed to." />
      {balances === null ? (
        <EmptyState title="No trader profile yet.">Ask an admin to finish setting up your account.</EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <BalanceCard label="USDT available" note="Covers new orders; each match holds its USDT value.">
            <CardTitle className="text-2xl">
              <Money amount={balances.usdt.available} exponent={balances.usdt.exponent} code={balances.usdt.currencyCode} />
            </CardTitle>
          </BalanceCard>
          <BalanceCard label="USDT held" note="Reserved for open orders until they complete or expire.">
            <CardTitle className="text-2xl">
              <Money amount={balances.usdt.held} exponent={balances.usdt.exponent} code={balances.usdt.currencyCode} />
            </CardTitle>
          </BalanceCard>
          <BalanceCard label="Fiat turnover" note="Fiat received on your requisites for completed pay-ins." className="sm:col-span-2 lg:col-span-1">
            {balances.fiat.length === 0 ? (
              <CardTitle className="text-base font-normal text-muted-foreground">No fiat turnover yet.</CardTitle>
            ) : (
              <ul className="grid gap-1">
                {balances.fiat.map((fiat) => (
                  <li key={fiat.currencyCode} className="text-lg font-semibold">
                    <Money amount={fiat.available} exponent={fiat.exponent} code={fiat.currencyCode} />
                  </li>
                ))}
              </ul>
            )}
          </BalanceCard>
        </div>
      )}

      <section aria-labelledby="requisites-heading" className="mt-8 grid grid-cols-1 gap-3">
        <h2 id="requisites-heading" className="text-lg font-semibold tracking-tight">
          Requisites
        </h2>
        {requisites.length === 0 ? (
          <EmptyState title="No requisites yet." />
        ) : (
          <DataTableCard columns={REQUISITE_COLUMNS}>
            {requisites.map((requisite) => (
              <TableRow key={requisite.id}>
                <TableCell>{REQUISITE_TYPES[requisite.type] ?? requisite.type}</TableCell>
                <TableCell>{requisite.bankName ?? "—"}</TableCell>
                <TableCell className="font-mono text-xs">{requisite.maskedNumber}</TableCell>
                <TableCell>{requisite.holder ?? "—"}</TableCell>
                <TableCell>
                  <Badge variant={STATUS_VARIANT[requisite.status]}>{requisite.status}</Badge>
                </TableCell>
                {requisite.limits ? (
                  <>
                    <TableCell className="text-right">
                      <Money amount={requisite.limits.minAmount} exponent={requisite.limits.exponent} code={requisite.limits.currencyCode} />
                      {" – "}
                      <Money amount={requisite.limits.maxAmount} exponent={requisite.limits.exponent} code={requisite.limits.currencyCode} />
                    </TableCell>
                    <TableCell className="text-right">
                      <Money amount={requisite.limits.dailyLimit} exponent={requisite.limits.exponent} code={requisite.limits.currencyCode} />
                    </TableCell>
                  </>
                ) : (
                  <TableCell colSpan={2} className="text-right text-muted-foreground">
                    No limits set
                  </TableCell>
                )}
              </TableRow>
            ))}
          </DataTableCard>
        )}
      </section>
    </>
  );
}

/** One balance: what it is, its amount(s) as `children`, and a note on what it means. */
function BalanceCard({ label, note, className, children }: { label: string; note: string; className?: string; children: ReactNode }) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardDescription>{label}</CardDescription>
        {children}
      </CardHeader>
      <CardContent className="text-xs text-muted-foreground">{note}</CardContent>
    </Card>
  );
}
