import { merchantRoute } from "@/lib/api/route";
import { listPaymentMethods } from "@/lib/reference/list-reference-data";

export const GET = merchantRoute(async () => ({ body: { object: "list", ...(await listPaymentMethods()) } }));
