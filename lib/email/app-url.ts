/**
 * The public address of the app, for links in emails: APP_URL, else NEXTAUTH_URL (which
 * `npm start` always sets), else the local default. Trailing slashes are dropped so paths can
 * be appended as they are.
 */
export function appUrl(path = "/"): string {
  const base = (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
