"use client";

import { useEffect, useRef, useState, type Ref } from "react";
import { CheckCircle2, Clock, Loader2, ShieldAlert, XCircle } from "lucide-react";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { PaymentPageView } from "@/lib/payment-page/get-payment-page";
import { CopyButton } from "./copy-button";
import { PaymentCountdown } from "./payment-countdown";
import { ReceiptUpload } from "./receipt-upload";
import { usePaymentView } from "./use-payment-view";

/** Seconds between the order ending and the automatic return to the store. */
const RETURN_AFTER_SECONDS = 5;

const NUMBER_LABELS = { card: "pay.number.card", sbp: "pay.number.sbp", phone: "pay.number.phone", account: "pay.number.account" } as const;

function formatAmount(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));
  } catch {
    // A currency code Intl does not know (USDT): the number and the code.
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(Number(amount))} ${currency}`;
  }
}

/** A card or account number in groups of four, as printed on cards (the copy button copies the digits alone). */
function groupDigits(number: string): string {
  const compact = number.replace(/\s+/g, "");
  return /^\d{12,24}$/.test(compact) ? compact.replace(/(\d{4})(?=\d)/g, "$1 ") : number;
}

/** Only http(s) addresses are followed (the API allows nothing else; this is the second lock). */
const safeReturnUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/**
 * The customer's payment page: amount, time left, where to pay (only while the payment is
 * awaited), steps, "I have paid", the receipt, and the order's status as it changes. When the
 * order ends it says what happened and, with a return_url, sends the customer back to the store.
 */
export function PaymentPage({ token, initial }: { token: string; initial: PaymentPageView }) {
  const t = useT();
  const locale = useLocale();
  const { view, apply, offline, skewMs, ended } = usePaymentView(token, initial);
  const [sending, setSending] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // "I have paid" goes away once pressed: the focus moves to the status instead of the page's top.
  const statusRef = useRef<HTMLDivElement>(null);
  const amount = formatAmount(view.amount, view.currency, locale);
  const returnUrl = safeReturnUrl(view.returnUrl);
  const numberLabel = view.requisite ? t(NUMBER_LABELS[view.requisite.type as keyof typeof NUMBER_LABELS] ?? "pay.number.other") : "";

  async function markPaid() {
    setSending(true);
    setActionError(null);
    try {
      const response = await fetch(`/api/pay/${encodeURIComponent(token)}/paid`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (response.ok) {
        apply((await response.json()) as PaymentPageView);
        requestAnimationFrame(() => statusRef.current?.focus());
        return;
      }
      setActionError(t("pay.failed"));
      // The order moved on (expired, confirmed): show where it is now.
      const state = await fetch(`/api/pay/${encodeURIComponent(token)}`, { cache: "no-store" });
      if (state.ok) apply((await state.json()) as PaymentPageView);
    } catch {
      setActionError(t("pay.failed"));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-md flex-col px-4 pb-10 pt-4">
      <header className="flex items-center justify-end gap-2">
        <LocaleSwitcher />
        <ThemeToggle />
      </header>
      <main id="main" className="mt-4 flex flex-col gap-5">
        <section aria-labelledby="pay-amount-label" className="text-center">
          <h1 id="pay-amount-label" className="text-sm font-medium text-muted-foreground">
            {t("pay.amountLabel")}
          </h1>
          <p className="mt-1 text-4xl font-semibold tracking-tight tabular-nums" data-testid="payment-amount">
            {amount}
          </p>
          {view.status === "awaiting_payment" ? <p className="mt-1 text-sm text-muted-foreground">{t("pay.exactAmount")}</p> : null}
        </section>

        <StatusPanel status={view.status} panelRef={statusRef} />
        {offline ? (
          <p role="status" className="text-center text-sm text-muted-foreground">
            {t("pay.offline")}
          </p>
        ) : null}

        {view.status === "awaiting_payment" && view.expiresAt ? <PaymentCountdown expiresAt={view.expiresAt} skewMs={skewMs} /> : null}

        {view.requisite ? (
          <section aria-labelledby="pay-to" className="space-y-3 rounded-lg border bg-card p-4 text-card-foreground">
            <h2 id="pay-to" className="text-base font-semibold">
              {t("pay.payTo")}
            </h2>
            <dl className="space-y-3">
              {view.requisite.bank ? (
                <div>
                  <dt className="text-sm text-muted-foreground">{t("pay.bank")}</dt>
                  <dd className="font-medium">{view.requisite.bank}</dd>
                </div>
              ) : null}
              <div className="flex flex-wrap items-end justify-between gap-3">
                <div className="min-w-0">
                  <dt className="text-sm text-muted-foreground">{numberLabel}</dt>
                  <dd className="break-words font-mono text-xl font-semibold" data-testid="requisite-number">
                    {view.requisite.type === "card" || view.requisite.type === "account" ? groupDigits(view.requisite.number) : view.requisite.number}
                  </dd>
                </div>
                <CopyButton value={view.requisite.number.replace(/\s+/g, "")} label={numberLabel} />
              </div>
              {view.requisite.holder ? (
                <div>
                  <dt className="text-sm text-muted-foreground">{t("pay.holder")}</dt>
                  <dd className="font-medium">{view.requisite.holder}</dd>
                </div>
              ) : null}
            </dl>
          </section>
        ) : null}

        {view.status === "awaiting_payment" && view.requisite ? (
          <section aria-labelledby="pay-steps" className="space-y-2">
            <h2 id="pay-steps" className="text-base font-semibold">
              {t("pay.stepsTitle")}
            </h2>
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              <li>{t("pay.step1")}</li>
              <li>{t("pay.step2", { amount, what: numberLabel.toLowerCase() })}</li>
              <li>{t("pay.step3")}</li>
            </ol>
          </section>
        ) : null}

        {view.canMarkPaid ? (
          <div className="space-y-2">
            <Button type="button" className="h-12 w-full text-base" onClick={markPaid} disabled={sending}>
              {sending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {sending ? t("pay.sending") : t("pay.markPaid")}
            </Button>
          </div>
        ) : null}
        {actionError ? (
          <p role="alert" className="text-sm text-destructive">
            {actionError}
          </p>
        ) : null}

        {view.canUploadReceipt ? <ReceiptUpload token={token} count={view.receipts} onUploaded={apply} /> : null}

        {(ended || view.status === "disputed") && returnUrl ? <ReturnToStore url={returnUrl} automatic={ended} /> : null}
      </main>
    </div>
  );
}

const STATUS_LOOK: Record<PaymentPageView["status"], { icon: typeof Clock; tone: string }> = {
  created: { icon: Loader2, tone: "border-input" },
  awaiting_payment: { icon: Clock, tone: "border-input" },
  paid: { icon: Loader2, tone: "border-sky-600/40 bg-sky-50 dark:bg-sky-950/40" },
  completed: { icon: CheckCircle2, tone: "border-emerald-600/40 bg-emerald-50 dark:bg-emerald-950/40" },
  expired: { icon: XCircle, tone: "border-amber-600/40 bg-amber-50 dark:bg-amber-950/40" },
  cancelled: { icon: XCircle, tone: "border-amber-600/40 bg-amber-50 dark:bg-amber-950/40" },
  failed: { icon: XCircle, tone: "border-destructive/40 bg-red-50 dark:bg-red-950/40" },
  disputed: { icon: ShieldAlert, tone: "border-amber-600/40 bg-amber-50 dark:bg-amber-950/40" },
};

/** The order's status in words; a live region, so a screen reader hears each change. */
function StatusPanel({ status, panelRef }: { status: PaymentPageView["status"]; panelRef: Ref<HTMLDivElement> }) {
  const t = useT();
  const { icon: Icon, tone } = STATUS_LOOK[status];
  return (
    <div
      ref={panelRef}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="payment-status"
      data-status={status}
      className={cn("flex gap-3 rounded-lg border p-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50", tone)}
    >
      <Icon className={cn("mt-0.5 size-5 shrink-0", (status === "created" || status === "paid") && "animate-spin motion-reduce:animate-none")} aria-hidden="true" />
      <div>
        <p className="font-semibold">{t(`pay.status.${status}.title`)}</p>
        <p className="text-sm text-muted-foreground">{t(`pay.status.${status}.text`)}</p>
      </div>
    </div>
  );
}

/** Back to the store: a visible link always, and after a few seconds on its own once the order ended. */
function ReturnToStore({ url, automatic }: { url: string; automatic: boolean }) {
  const t = useT();
  const [seconds, setSeconds] = useState(RETURN_AFTER_SECONDS);
  useEffect(() => {
    if (!automatic) return;
    if (seconds <= 0) {
      window.location.assign(url);
      return;
    }
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1_000);
    return () => clearTimeout(timer);
  }, [automatic, seconds, url]);
  return (
    <div className="space-y-2 text-center">
      {automatic ? <p className="text-sm text-muted-foreground">{t("pay.returning", { seconds: Math.max(0, seconds) })}</p> : null}
      {/* rel=noreferrer: the store must not learn the page's address (its token) from the Referer. */}
      <a href={url} rel="noreferrer" className="inline-flex h-11 items-center justify-center rounded-md border bg-background px-6 text-sm font-medium underline-offset-4 shadow-xs outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50">
        {t("pay.returnLink")}
      </a>
    </div>
  );
}
