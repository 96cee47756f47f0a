import { merchantRoute } from "@/lib/api/gateway-handler";
import { listCurrencies } from "@/lib/currencies/list-reference-data";

export const GET = merchantRoute(async () => ({ body: { object: "list", data: await listCurrencies() } }));
