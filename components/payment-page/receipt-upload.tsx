"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { FileUp, Loader2 } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { PaymentPageView } from "@/lib/payment-page/get-payment-page";

/** Error codes of the upload the page words itself; any other failure gets the generic sentence. */
const CODE_MESSAGES = { file_too_large: "pay.tooLarge", unsupported_file_type: "pay.badType" } as const;

/**
 * The receipt: dropped on the zone or picked with a file input that opens the phone's gallery,
 * camera or files (images and PDF). Sent at once as multipart to /api/pay/{token}/receipts; the
 * server checks size and type by the file's own bytes.
 */
export function ReceiptUpload({ token, count, onUploaded }: { token: string; count: number; onUploaded: (view: PaymentPageView) => void }) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File | undefined) {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      const response = await fetch(`/api/pay/${encodeURIComponent(token)}/receipts`, { method: "POST", body: form });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const code = body?.error?.code as keyof typeof CODE_MESSAGES | undefined;
        setError(code && code in CODE_MESSAGES ? t(CODE_MESSAGES[code]) : t("pay.failed"));
        return;
      }
      onUploaded(body as PaymentPageView);
    } catch {
      setError(t("pay.failed"));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void upload(event.dataTransfer.files[0]);
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-3">
      <h2 id={`${inputId}-title`} className="text-base font-semibold">
        {t("pay.receiptTitle")}
      </h2>
      <p id={hintId} className="text-sm text-muted-foreground">
        {t("pay.receiptHint")}
      </p>
      <div
        data-testid="receipt-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors",
          dragging ? "border-primary bg-accent" : "border-input",
        )}
      >
        <FileUp className="size-6 text-muted-foreground" aria-hidden="true" />
        <span className="text-sm text-muted-foreground">{t("pay.receiptDrop")}</span>
        {/* The input itself stays in the tab order (visually hidden, focus shown on its label). */}
        <input
          ref={input}
          id={inputId}
          type="file"
          accept="image/*,application/pdf"
          aria-describedby={hintId}
          disabled={busy}
          className="peer sr-only"
          onChange={(event) => void upload(event.target.files?.[0])}
        />
        <label
          htmlFor={inputId}
          className={cn(
            buttonVariants({ variant: "outline" }),
            "h-11 cursor-pointer peer-focus-visible:border-ring peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50",
            busy && "pointer-events-none opacity-50",
          )}
        >
          {busy ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
          {busy ? t("pay.uploading") : t("pay.receiptChoose")}
        </label>
      </div>
      <p role="status" aria-live="polite" className={cn("text-sm", error ? "text-destructive" : "text-emerald-700 dark:text-emerald-400")}>
        {error ?? (count > 0 ? t("pay.uploaded", { count }) : "")}
      </p>
    </section>
  );
}
