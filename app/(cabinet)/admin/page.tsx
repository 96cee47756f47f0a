import { requireRole } from "@/lib/auth/session";
import { listConfigurationSettings } from "@/lib/cabinet/admin/list-configuration-settings";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";
import { formatJsonInline } from "@/components/format/json";
import { TableCell, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("admin", "Configuration settings");

const COLUMNS = ["Key", "Value", "Description", "Updated at", "Updated by"] as const;

export default async function AdminHomePage() {
  const user = await requireRole("admin");
  const settings = await listConfigurationSettings(user.id);

  return (
    <>
      <PageHeader
        title="Configuration settings"
        description="Platform behaviour read at run time: payment timeouts, matching limits, fraud caps, rate limits, callbacks and rates."
      />
      {settings.length === 0 ? (
        <EmptyState title="No configuration settings yet." />
      ) : (
        <DataTableCard columns={COLUMNS}>
          {settings.map((setting) => (
            <TableRow key={setting.key}>
              <TableCell className="font-mono text-xs font-medium">{setting.key}</TableCell>
              <TableCell className="min-w-40 max-w-72 whitespace-normal">
                <code className="break-words font-mono text-xs">{formatJsonInline(setting.value)}</code>
              </TableCell>
              <TableCell className="min-w-64 max-w-md whitespace-normal text-muted-foreground">
                {setting.description ?? "—"}
              </TableCell>
              <TableCell>
                <DateTime value={setting.updatedAt} />
              </TableCell>
              <TableCell>{setting.updatedByEmail ?? <span className="text-muted-foreground">system</span>}</TableCell>
            </TableRow>
          ))}
        </DataTableCard>
      )}
    </>
  );
}
