import { requireRole } from "@/lib/auth/session";
import { getTraderBalances } from "@/lib/cabinet/trader/get-trader-balances";
import { listTraderRequisites, type TraderRequisiteRow } from "@/lib/cabinet/trader/list-trader-requisites";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("trader", "Requisites and balances");

const STATUS_VARIANT: Record<TraderRequisiteRow["status"], BadgeProps["variant"]> = {
  active: "success",
  inactive: "outline",
  blocked: "destructive",
};

const REQUISITE_TYPES: Record<string, string> = { card: "Card", sbp: "SBP (phone)", account: "Account" };

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
          <Card>
            <CardHeader>
              <CardDescription>USDT available</CardDescription>
              <CardTitle className="text-2xl">
                <Money amount={balances.usdt.available} exponent={balances.usdt.exponent} code={balances.usdt.currencyCode} />
              </CardTitle>
            </CardHeader>
            <CardContent className="text-xs text-muted-foreground">Covers new orders; each match holds its USDT value.</CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardDescription>USDT held</CardDescription>
              <CardTitle className="text-2xl">
                <Money amount={balances.usdt.held} exponent={balances.usdt.exponent} code={balances.usdt.currencyCode} />
              </CardTitle>
            </CardHeader>
            <CardContent className="text-xs text-muted-foreground">Reserved for open orders until they complete or expire.</CardContent>
          </Card>
          <Card className="sm:col-span-2 lg:col-span-1">
            <CardHeader>
              <CardDescription>Fiat turnover</CardDescription>
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
            </CardHeader>
            <CardContent className="text-xs text-muted-foreground">Fiat received on your requisites for completed pay-ins.</CardContent>
          </Card>
        </div>
      )}

      <section aria-labelledby="requisites-heading" className="mt-8 grid grid-cols-1 gap-3">
        <h2 id="requisites-heading" className="text-lg font-semibold tracking-tight">
          Requisites
        </h2>
        {requisites.length === 0 ? (
          <EmptyState title="No requisites yet." />
        ) : (
          <Card className="py-2">
            <CardContent className="px-2">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Type</TableHead>
                    <TableHead>Bank</TableHead>
                    <TableHead>Number</TableHead>
                    <TableHead>Holder</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead className="text-right">Min / max</TableHead>
                    <TableHead className="text-right">Daily limit</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
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
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        )}
      </section>
    </>
  );
}
