import { requireRole } from "@/lib/auth/session";
import { listTeamTraders } from "@/lib/cabinet/teamlead/list-team-traders";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { BooleanBadge } from "@/components/cabinet/boolean-badge";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { PageHeader } from "@/components/cabinet/page-header";
import { TableCell, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("teamlead", "My traders");

const COLUMNS = ["Email", "Account", "Traffic", { label: "Priority", align: "right" }, { label: "USDT available", align: "right" }] as const;

export default async function TeamleadHomePage() {
  const user = await requireRole("teamlead");
  const traders = await listTeamTraders(user.id);

  return (
    <>
      <PageHeader title="My traders" description="Traders in your team, whether they receive traffic, and their free USDT deposit." />
      {traders.length === 0 ? (
        <EmptyState title="No traders yet." />
      ) : (
        <DataTableCard columns={COLUMNS}>
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
        </DataTableCard>
      )}
    </>
  );
}
