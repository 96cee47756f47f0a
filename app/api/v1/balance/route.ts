import { merchantRoute } from "@/lib/api/route";
import { getStoreBalances } from "@/lib/orders/get-store-balances";

export const GET = merchantRoute(async ({ auth }) => ({ body: { object: "balance", data: await getStoreBalances(auth.store.id) } }));
