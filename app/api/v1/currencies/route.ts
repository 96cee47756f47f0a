import { merchantRoute } from "@/lib/api/route";
import { listCurrencies } from "@/lib/reference/list-reference-data";

export const GET = merchantRoute(async () => ({ body: { object: "list", data: await listCurrencies() } }));
