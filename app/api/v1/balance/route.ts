import { merchantRoute } from "@/lib/api/gateway-handler";
import { getStoreBalances } from "@/lib/ledger/get-store-balances";

export const GET = merchantRoute(async ({ auth }) => ({ body: { object: "balance", data: await getStoreBalances(auth.store.id) } }));
