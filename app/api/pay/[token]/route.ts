import { paymentPageRoute } from "@/lib/api/payment-page-route";
import { getPaymentPage } from "@/lib/payment-page/get-payment-page";

/** The payment page's state, polled by the page while it is open. */
export const GET = paymentPageRoute(async ({ token }) => ({ body: await getPaymentPage(token) }));
