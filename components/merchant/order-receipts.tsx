import { FileText } from "lucide-react";
import type { MerchantOrder } from "@/lib/orders/get-merchant-order";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { DateTime } from "@/components/cabinet/date-time";

/** Size in B / KB / MB for people (not money: a float is fine here). */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Receipts uploaded for the order (by the customer, the trader, the merchant or support), each downloadable. */
export function OrderReceipts({ receipts, t }: { receipts: MerchantOrder["receipts"]; t: Translate }) {
  if (receipts.length === 0) return <p className="text-sm text-muted-foreground">{t("merchant.order.receipts.none")}</p>;
  return (
    <ul className="grid gap-2">
      {receipts.map((receipt) => {
        const viaKey = `merchant.order.receipts.via.${receipt.uploadedVia}` as MessageKey;
        const via = t(viaKey) === viaKey ? receipt.uploadedVia : t(viaKey);
        return (
          <li key={receipt.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <FileText className="size-4 text-muted-foreground" aria-hidden="true" />
            <a href={`/api/cabinet/merchant/receipts/${receipt.id}`} download className="font-medium underline-offset-4 hover:underline">
              {receipt.fileName}
            </a>
            <span className="text-xs text-muted-foreground">
              {fileSize(receipt.sizeBytes)} · {via} · <DateTime value={receipt.createdAt} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
