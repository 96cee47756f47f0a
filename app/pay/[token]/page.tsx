import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PaymentPage } from "@/components/payment-page/payment-page";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { DomainError } from "@/lib/errors/domain-error";
import { getPaymentPage } from "@/lib/payment-page/get-payment-page";
import { getTranslator } from "@/lib/web/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  // The token in the address is the page's only key: never indexed, never sent on as a Referer.
  return { title: t("pay.metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The hosted payment page: public (no sign-in, outside the cabinets), reached through the
 * payment_url the merchant sends the customer to. Rate limited per client IP like its JSON
 * routes; an unknown token is the ordinary 404 page.
 */
export default async function PayPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let view;
  try {
    await enforceRateLimit({ apiKey: null, ip: clientIpFromHeaders(await headers()) });
    view = await getPaymentPage(token);
  } catch (error) {
    if (error instanceof DomainError && error.code === "order_not_found") notFound();
    if (error instanceof DomainError && error.code === "rate_limited") return <TooManyRequests />;
    throw error;
  }
  return <PaymentPage token={token} initial={view} />;
}

async function TooManyRequests() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-2 px-4 text-center">
      <h1 className="text-xl font-semibold">{t("pay.metaTitle")}</h1>
      <p className="text-muted-foreground">{t("errors.tryLater")}</p>
    </main>
  );
}
