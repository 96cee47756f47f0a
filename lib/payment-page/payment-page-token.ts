/** What newPaymentToken makes: 43 base64url characters. Anything else names no page (404 without a query). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isPaymentToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}
