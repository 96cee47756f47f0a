import type { ReactNode } from "react";
import Link from "next/link";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { DateTime } from "@/components/cabinet/date-time";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { TableCell } from "@/components/ui/table";

/** An orders table's first cell: our id, linking to the order's page in this cabinet, over a muted second line. */
export function OrderIdCell({ id, href, children }: { id: string; href: string; children: ReactNode }) {
  return (
    <TableCell>
      <Link href={href} className="font-mono text-xs font-medium underline-offset-4 hover:underline">
        {id}
      </Link>
      {children}
    </TableCell>
  );
}

/** An orders table's last cells: the amount, the status and when the order was created. */
export function OrderOutcomeCells({ amount, exponent, currencyCode, status, createdAt }: { amount: bigint; exponent: number; currencyCode: string; status: OrderStatus; createdAt: Date }) {
  return (
    <>
      <TableCell className="text-right">
        <Money amount={amount} exponent={exponent} code={currencyCode} />
      </TableCell>
      <TableCell>
        <OrderStatusBadge status={status} />
      </TableCell>
      <TableCell>
        <DateTime value={createdAt} />
      </TableCell>
    </>
  );
}
