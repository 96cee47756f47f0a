import { paymentPageRoute } from "@/lib/api/payment-page-route";
import { DomainError } from "@/lib/errors/domain-error";
import { receiveUploadedFile } from "@/lib/files/receive-upload";
import { attachCustomerReceipt } from "@/lib/payment-page/attach-customer-receipt";
import { getPaymentPage } from "@/lib/payment-page/get-payment-page";

/**
 * The customer's receipt (multipart, field "file"). A page that takes no receipt is refused
 * before a byte is stored; attachCustomerReceipt checks again under the order's lock.
 */
export const POST = paymentPageRoute(async ({ request, token, actor }) => {
  if (!(await getPaymentPage(token)).canUploadReceipt) throw new DomainError("invalid_state", "This payment has ended; it takes no more receipts.");
  const file = await receiveUploadedFile(request);
  await attachCustomerReceipt(token, actor, file);
  return { status: 201, body: await getPaymentPage(token) };
});
