import { requireRole } from "@/lib/auth/session";
import { listLatestOrders } from "@/lib/cabinet/orders/list-latest-orders";
import { listStoresWithBalances, type StoreWithBalances } from "@/lib/cabinet/merchant/list-stores-with-balances";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { BooleanBadge } from "@/components/cabinet/boolean-badge";
import { EmptyState } from "@/components/cabinet/empty-state";
import { OrdersTable } from "@/components/cabinet/orders-table";
import { PageHeader } from "@/components/cabinet/page-header";
import { formatFractionAsPercent, formatMinorNumber } from "@/components/format/money";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const generateMetadata = cabinetMetadata("merchant", "Stores and balances");

const LATEST_ORDERS = 10;

export default async function MerchantHomePage() {
  const user = await requireRole("merchant");
  const [stores, orders] = await Promise.all([
    listStoresWithBalances(user.id),
    listLatestOrders({ merchantUserId: user.id }, LATEST_ORDERS),
  ]);

  return (
    <>
      <PageHeader title="Stores and balances" description="Your stores, what they hold per currency, and their latest orders." />
      <section aria-labelledby="stores-heading" className="grid grid-cols-1 gap-4">
        <h2 id="stores-heading" className="sr-only">
          Stores
        </h2>
        {stores.length === 0 ? (
          <EmptyState title="No stores yet." />
        ) : (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {stores.map((store) => (
              <StoreCard key={store.id} store={store} />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="orders-heading" className="mt-8 grid grid-cols-1 gap-3">
        <h2 id="orders-heading" className="text-lg font-semibold tracking-tight">
          Latest orders
        </h2>
        <OrdersTable orders={orders} />
      </section>
    </>
  );
}

function StoreCard({ store }: { store: StoreWithBalances }) {
  return (
    <Card>
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle className="truncate">{store.name}</CardTitle>
          <BooleanBadge value={store.isActive} />
        </div>
        <CardDescription className="break-all">
          Callback URL:{" "}
          {store.callbackUrl ? <span className="font-mono text-xs text-foreground">{store.callbackUrl}</span> : "not set"}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <div className="rounded-md bg-muted/60 px-3 py-2">
            <dt className="text-xs text-muted-foreground">Pay-in commission</dt>
            <dd className="tabular font-medium">{formatFractionAsPercent(store.payinCommission)}</dd>
          </div>
          <div className="rounded-md bg-muted/60 px-3 py-2">
            <dt className="text-xs text-muted-foreground">Payout commission</dt>
            <dd className="tabular font-medium">{formatFractionAsPercent(store.payoutCommission)}</dd>
          </div>
        </dl>
        {store.balances.length === 0 ? (
          <p className="text-sm text-muted-foreground">No balances yet.</p>
        ) : (
          <Table aria-label={`Balances of ${store.name}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Currency</TableHead>
                <TableHead className="text-right">Available</TableHead>
                <TableHead className="text-right">Held</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {store.balances.map((balance) => (
                <TableRow key={balance.currencyCode}>
                  <TableCell className="font-medium">{balance.currencyCode}</TableCell>
                  <TableCell className="tabular text-right">{formatMinorNumber(balance.available, balance.exponent)}</TableCell>
                  <TableCell className="tabular text-right">{formatMinorNumber(balance.held, balance.exponent)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
