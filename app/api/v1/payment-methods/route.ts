import { merchantRoute } from "@/lib/api/gateway-handler";
import { listPaymentMethods } from "@/lib/currencies/list-reference-data";

export const GET = merchantRoute(async () => ({ body: { object: "list", ...(await listPaymentMethods()) } }));
