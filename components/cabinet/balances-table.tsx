import { Money } from "@/components/cabinet/money";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface BalanceRow {
  code: string;
  exponent: number;
  /** Minor units; a string where the row came through JSON. */
  available: bigint | string;
  held: bigint | string;
}

/** Balances per currency: what is available and what is held for orders and withdrawals in flight. */
export function BalancesTable({ rows, labels, label }: { rows: BalanceRow[]; labels: { currency: string; available: string; held: string }; label?: string }) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{labels.currency}</TableHead>
          <TableHead className="text-right">{labels.available}</TableHead>
          <TableHead className="text-right">{labels.held}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.code}>
            <TableCell className="font-medium">{row.code}</TableCell>
            <TableCell className="text-right">
              <Money amount={BigInt(row.available)} exponent={row.exponent} code={row.code} />
            </TableCell>
            <TableCell className="text-right">
              <Money amount={BigInt(row.held)} exponent={row.exponent} code={row.code} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
