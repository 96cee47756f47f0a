import { appUrl } from "@/lib/email/app-url";

/** The hosted payment page's absolute address, for the API object the merchant sends the customer to. */
export function paymentUrl(token: string): string {
  return appUrl(`/pay/${token}`);
}
