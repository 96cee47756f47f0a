"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Money } from "@/components/cabinet/money";
import { OrderStatusBadge } from "@/components/cabinet/order-status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PendingButton } from "@/components/ui/pending-button";
import { Skeleton } from "@/components/ui/skeleton";
import { TableCell, TableRow } from "@/components/ui/table";
import { fetchHistoryPage, TRADER_QUERY_KEYS } from "./trader-queries";

const USDT_EXPONENT = 6;

/** The trader's finished orders, most recently ended first, a page at a time ("Show more"). */
export function OrderHistory() {
  const t = useT();
  const query = useInfiniteQuery({
    queryKey: TRADER_QUERY_KEYS.history,
    queryFn: ({ pageParam }) => fetchHistoryPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  if (query.isPending) {
    return (
      <div role="status" aria-busy="true" className="grid gap-2">
        <span className="sr-only">{t("common.loading")}</span>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>
          {t("trader.history.failed")}
          <Button type="button" variant="outline" size="sm" onClick={() => void query.refetch()}>
            {t("common.retry")}
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  const orders = query.data.pages.flatMap((page) => page.orders);
  if (orders.length === 0) return <EmptyState title={t("trader.history.empty")} />;

  const columns = [
    t("orders.columns.order"),
    t("orders.columns.type"),
    { label: t("orders.columns.amount"), align: "right" as const },
    t("orders.columns.status"),
    { label: t("trader.history.reward"), align: "right" as const },
    t("trader.history.requisite"),
    t("trader.history.ended"),
  ];
  return (
    <div className="grid gap-3" data-testid="order-history">
      <DataTableCard columns={columns}>
        {orders.map((order) => (
          <TableRow key={order.id} data-order-id={order.id}>
            <TableCell className="font-mono text-xs">{order.id}</TableCell>
            <TableCell>{t(`orders.type.${order.type}`)}</TableCell>
            <TableCell className="text-right">
              <Money amount={BigInt(order.amount)} exponent={order.exponent} code={order.currencyCode} />
            </TableCell>
            <TableCell>
              <OrderStatusBadge status={order.status} />
            </TableCell>
            <TableCell className="text-right">
              {order.reward === null ? <span className="text-muted-foreground">{t("common.none")}</span> : <Money amount={BigInt(order.reward)} exponent={USDT_EXPONENT} code="USDT" />}
            </TableCell>
            <TableCell className="text-xs">{order.requisite ? [order.requisite.bankName, order.requisite.maskedNumber].filter(Boolean).join(" · ") : t("common.none")}</TableCell>
            <TableCell>
              <DateTime value={new Date(order.endedAt)} />
            </TableCell>
          </TableRow>
        ))}
      </DataTableCard>
      {query.hasNextPage ? (
        <PendingButton type="button" variant="outline" className="justify-self-center" onClick={() => void query.fetchNextPage()} pending={query.isFetchingNextPage}>
          {t("trader.history.more")}
        </PendingButton>
      ) : null}
    </div>
  );
}
