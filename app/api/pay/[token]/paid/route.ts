import { paymentPageRoute } from "@/lib/api/payment-page-route";
import { getPaymentPage } from "@/lib/payment-page/get-payment-page";
import { markPaidByCustomer } from "@/lib/payment-page/mark-paid-by-customer";

/** "I have paid": the customer moves the pay-in to paid (409 invalid_state once it is past that). */
export const POST = paymentPageRoute(async ({ token, actor }) => {
  await markPaidByCustomer(token, actor);
  return { body: await getPaymentPage(token) };
});
