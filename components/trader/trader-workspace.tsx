"use client";

import { useQuery } from "@tanstack/react-query";
import type { TraderBalances } from "@/lib/ledger/get-trader-balances";
import { useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { BalanceCards } from "./balance-cards";
import { OrderHistory } from "./order-history";
import { OrderQueue } from "./order-queue";
import type { QueueActions } from "./trader-actions";
import { TRADER_QUERY_KEYS, type QueueResponse } from "./trader-queries";

/** The trader's main screen: balances on top, then the live queue and, in a second tab, the history. */
export function TraderWorkspace({ initialQueue, initialBalances, actions }: { initialQueue: QueueResponse; initialBalances: TraderBalances; actions: QueueActions }) {
  const t = useT();
  // Reads the queue OrderQueue polls (same cache entry), for the count on the tab.
  const { data } = useQuery({ queryKey: TRADER_QUERY_KEYS.queue, initialData: initialQueue, enabled: false });
  return (
    <div className="grid gap-6">
      <BalanceCards initial={initialBalances} />
      <Tabs defaultValue="queue">
        <TabsList>
          <TabsTrigger value="queue">
            {t("trader.tabs.queue")}
            {data.orders.length > 0 ? (
              <Badge variant="default" className="ml-1.5 px-1.5" data-testid="queue-count">
                {data.orders.length}
              </Badge>
            ) : null}
          </TabsTrigger>
          <TabsTrigger value="history">{t("trader.tabs.history")}</TabsTrigger>
        </TabsList>
        {/* The queue stays mounted in the history tab, so polling, sound and title keep working. */}
        <TabsContent value="queue" forceMount className="data-[state=inactive]:hidden">
          <OrderQueue initial={initialQueue} actions={actions} />
        </TabsContent>
        <TabsContent value="history">
          <OrderHistory />
        </TabsContent>
      </Tabs>
    </div>
  );
}
