import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** A header cell: its label, or its label and alignment (amounts and other numbers align right). */
export type DataTableColumn = string | { label: string; align: "right" };

/** A cabinet's list as a table in a card: header cells from `columns`, body rows from `children`. */
export function DataTableCard({ columns, children }: { columns: readonly DataTableColumn[]; children: ReactNode }) {
  return (
    <Card className="py-2">
      <CardContent className="px-2">
        <Table>
          <TableHeader>
            <TableRow>
              {columns.map((column) =>
                typeof column === "string" ? (
                  <TableHead key={column}>{column}</TableHead>
                ) : (
                  <TableHead key={column.label} className="text-right">
                    {column.label}
                  </TableHead>
                ),
              )}
            </TableRow>
          </TableHeader>
          <TableBody>{children}</TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
