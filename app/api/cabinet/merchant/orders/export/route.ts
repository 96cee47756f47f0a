import { observedRoute } from "@/lib/api/observe-request";
import { merchantOrdersCsv } from "@/lib/reports/export-orders-csv";
import { CSV_CONTENT_TYPE, CSV_DIALECTS } from "@/lib/reports/csv";
import { merchantOrRefusal, textStream } from "@/lib/web/merchant-route";
import { parseOrdersQuery } from "@/lib/orders/order-filters";
import { getLocale } from "@/lib/web/locale";
import { getMerchantDataWorld } from "@/lib/web/merchant-data-world";

export const dynamic = "force-dynamic";

/**
 * The signed-in merchant's orders matching the orders page's filters, as a CSV download streamed
 * in batches, in the spreadsheet dialect of the merchant's cabinet language (";" and decimal
 * commas for Russian Excel).
 */
export const GET = observedRoute("/api/cabinet/merchant/orders/export", async function GET(request: Request) {
  const { user, refusal } = await merchantOrRefusal();
  if (refusal) return refusal;
  const { filters } = parseOrdersQuery(new URL(request.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const dialect = CSV_DIALECTS[await getLocale()];
  return new Response(textStream(merchantOrdersCsv(user.id, filters, { dialect, world: await getMerchantDataWorld() })), {
    headers: {
      "content-type": CSV_CONTENT_TYPE,
      "content-disposition": `attachment; filename="orders-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
