import { requireRole } from "@/lib/auth/session";
import { listTeamTraders } from "@/lib/cabinet/teamlead/list-team-traders";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { BooleanBadge } from "@/components/cabinet/boolean-badge";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("teamlead", "My traders");

export default async function TeamleadHomePage() {
  const user = await requireRole("teamlead");
  const traders = await listTeamTraders(user.id);

  return (
    <>
      <PageHeader title="My traders" description="Traders in your team, whether they receive traffic, and their free USDT deposit." />
      {traders.length === 0 ? (
        <EmptyState title="No traders yet." />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Email</TableHead>
                  <TableHead>Account</TableHead>
                  <TableHead>Traffic</TableHead>
                  <TableHead className="text-right">Priority</TableHead>
                  <TableHead className="text-right">USDT available</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {traders.map((trader) => (
                  <TableRow key={trader.id}>
                    <TableCell className="font-medium">{trader.email}</TableCell>
                    <TableCell>
                      <BooleanBadge value={trader.isActive} />
                    </TableCell>
                    <TableCell>
                      <BooleanBadge value={trader.isTrafficEnabledByTeamlead} yes="Enabled" no="Disabled" />
                    </TableCell>
                    <TableCell className="tabular text-right">{trader.trafficPriority}</TableCell>
                    <TableCell className="text-right">
                      <Money amount={trader.usdt.available} exponent={trader.usdt.exponent} code="USDT" />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </>
  );
}
