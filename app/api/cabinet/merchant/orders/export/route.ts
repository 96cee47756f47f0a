import { merchantOrdersCsv } from "@/lib/cabinet/merchant/export-orders-csv";
import { CSV_CONTENT_TYPE, CSV_DIALECTS } from "@/lib/cabinet/merchant/csv";
import { merchantOrRefusal, textStream } from "@/lib/cabinet/merchant/merchant-route";
import { parseOrdersQuery } from "@/lib/cabinet/merchant/order-filters";
import { getLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/**
 * The signed-in merchant's orders matching the orders page's filters, as a CSV download streamed
 * in batches, in the spreadsheet dialect of the merchant's cabinet language (";" and decimal
 * commas for Russian Excel).
 */
export async function GET(request: Request) {
  const { user, refusal } = await merchantOrRefusal();
  if (refusal) return refusal;
  const { filters } = parseOrdersQuery(new URL(request.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const dialect = CSV_DIALECTS[await getLocale()];
  return new Response(textStream(merchantOrdersCsv(user.id, filters, { dialect })), {
    headers: {
      "content-type": CSV_CONTENT_TYPE,
      "content-disposition": `attachment; filename="orders-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
