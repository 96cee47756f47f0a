import Link from "next/link";
import { Copy, Download, ExternalLink, FileText } from "lucide-react";
import type { ReceiptMeta } from "@/lib/orders/get-support-order";
import { getTranslator } from "@/lib/web/locale";
import { DateTime } from "@/components/cabinet/date-time";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { labelOf } from "./labels";

/**
 * Receipt and evidence files with View (in a new tab) and Download, both through an authorised
 * receipt route (support's by default; the admin cabinet passes the shared one), and a warning
 * on each file another order has too (same SHA-256), linking to that order.
 */
export async function ReceiptList({
  receipts,
  empty,
  fileHref = (id) => `/support/receipts/${id}`,
  orderHref = (id) => `/support/orders/${id}`,
}: {
  receipts: ReceiptMeta[];
  empty: string;
  fileHref?: (receiptId: number) => string;
  orderHref?: (orderId: string) => string;
}) {
  const { t } = await getTranslator();
  if (receipts.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="grid gap-2">
      {receipts.map((receipt) => {
        const href = fileHref(receipt.id);
        return (
          <li key={receipt.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border p-3" data-testid="receipt">
            <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <div className="grid min-w-0 flex-1 gap-0.5">
              <span className="truncate text-sm font-medium" title={receipt.fileName}>
                {receipt.fileName}
              </span>
              <span className="text-xs text-muted-foreground">
                {receipt.contentType} · {t("support.receipts.size", { size: Math.max(1, Math.ceil(receipt.sizeBytes / 1024)) })} ·{" "}
                {labelOf(t, "support.receipts.via", receipt.uploadedVia)} · <DateTime value={receipt.createdAt} />
              </span>
              {receipt.sameFileAs?.map((same) => (
                <span key={same.receiptId} className="flex items-center gap-1 text-xs font-medium text-destructive" title={t("support.receipts.sameFileTitle")} data-testid="same-file">
                  <Copy className="size-3.5" aria-hidden="true" />
                  {t("support.receipts.sameFile")}{" "}
                  <Link href={orderHref(same.orderId)} className="font-mono underline underline-offset-4">
                    {same.orderId}
                  </Link>
                </span>
              ))}
            </div>
            {receipt.disputeId ? <Badge variant="secondary">{t("support.receipts.evidence")}</Badge> : null}
            <div className="flex gap-2">
              <a href={href} target="_blank" rel="noopener" className={buttonVariants({ variant: "outline", size: "sm" })}>
                <ExternalLink aria-hidden="true" />
                {t("support.receipts.view")}
              </a>
              <a href={`${href}?download=1`} download={receipt.fileName} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <Download aria-hidden="true" />
                {t("support.receipts.download")}
              </a>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
