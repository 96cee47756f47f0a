// npm run bench:pages — server time of every cabinet page, signed in as each demo user, against
// a running app (BASE_URL, default http://localhost:3000; start it with `npm start`, after
// `npm run db:seed:large` for the million-order case). Each page is requested BENCH_PAGE_RUNS
// (default 20) times after a warm-up; the baseline in the same run is /api/health (one HTTP
// round trip and one database ping). Prints median, p95 and max per page and flags pages whose
// p95 exceeds 300 ms.
import { CABINET_NAV } from "../../components/cabinet/navigation";
import { DEMO_LOGINS } from "../../prisma/demo-logins";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 20);
const BUDGET_MS = 300;

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through next-auth's credentials flow and returns the session cookie header. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_LOGINS.password, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${email} (HTTP ${response.status})`);
  return [...jar, session].join("; ");
}

async function time(url: string, cookie?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measure(url: string, cookie?: string) {
  for (let i = 0; i < 3; i++) await time(url, cookie);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await time(url, cookie));
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { median: at(0.5), p95: at(0.95), max: samples[samples.length - 1] };
}

const row = (label: string, m: { median: number; p95: number; max: number }) =>
  `${label.padEnd(52)} ${m.median.toFixed(0).padStart(7)} ${m.p95.toFixed(0).padStart(7)} ${m.max.toFixed(0).padStart(7)}${m.p95 > BUDGET_MS ? "   over budget" : ""}`;

/**
 * Filtered and deep views of the big lists, per role, built from a real order (the demo store's
 * newest through the gateway API, and one from the middle of its history through the cursor of
 * the API's order list is too slow to reach, so by date): the cases where a list could fall off
 * its index — a rare status, a narrow amount range, an exact search, one old day.
 */
async function filteredViews(): Promise<Record<string, string[]>> {
  const response = await fetch(`${BASE}/api/v1/orders?limit=1`, { headers: { authorization: `Bearer ${DEMO_LOGINS.merchantApiKey}` } });
  const newest = ((await response.json()) as { data: { id: string; merchant_order_id: string; customer_id: string }[] }).data[0];
  const oldDay = new Date(Date.now() - 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const search = newest ? [`q=${encodeURIComponent(newest.customer_id)}`, `q=${encodeURIComponent(newest.merchant_order_id)}`] : [];
  return {
    merchant: [
      "status=failed",
      "status=disputed",
      "type=payout&status=cancelled",
      "min=49990&max=50000",
      "min=100&max=200&status=completed",
      `from=${oldDay}&to=${oldDay}`,
      ...search,
    ].map((query) => `/merchant/orders?${query}`),
    admin: ["/admin/dashboard?by=week", "/admin/dashboard?by=month", "/admin/audit?entityType=incoming_order"],
    support: ["/support?status=disputed", ...search.map((query) => `/support?${query}`)],
  };
}

console.log(`${"page".padEnd(52)} ${"median".padStart(7)} ${"p95".padStart(7)} ${"max".padStart(7)}   (ms, ${RUNS} runs each, ${BASE})`);
console.log(row("baseline: /api/health", await measure(`${BASE}/api/health`)));
const extra = await filteredViews();
let over = 0;
for (const { role, email } of DEMO_LOGINS.users) {
  const cookie = await signIn(email);
  for (const path of [...CABINET_NAV[role].map((item) => item.href), ...(extra[role] ?? [])]) {
    const result = await measure(`${BASE}${path}`, cookie);
    if (result.p95 > BUDGET_MS) over++;
    console.log(row(`${role}: ${path}`, result));
  }
}
console.log(over ? `\n${over} page(s) over the ${BUDGET_MS} ms budget at p95.` : `\nEvery page within ${BUDGET_MS} ms at p95.`);
