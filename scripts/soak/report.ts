// The soak's figures: requests by kind and status with latency, orders by final status,
// crashes, callbacks, and the checks' verdicts. Loaded after DATABASE_URL is set.
import { prisma } from "@/lib/db/client";
import type { CheckResult, SoakRun } from "./checks/index";

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(0));

export function printRequests(run: SoakRun, seconds: number): void {
  const kinds = new Map<string, { statuses: Map<string, number>; latencies: number[] }>();
  for (const answer of run.log.answers) {
    const kind = kinds.get(answer.kind) ?? { statuses: new Map<string, number>(), latencies: [] as number[] };
    const status = answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
    kind.statuses.set(status, (kind.statuses.get(status) ?? 0) + 1);
    kind.latencies.push(answer.ms);
    kinds.set(answer.kind, kind);
  }
  console.log(`\nrequests (${run.log.answers.length} answered in ${seconds} s, ${(run.log.answers.length / seconds).toFixed(0)}/s)`);
  console.log(`  ${"kind".padEnd(22)} ${"answers".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"no answer".padStart(9)}  statuses`);
  for (const [name, kind] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = kind.latencies.sort((a, b) => a - b);
    const statuses = [...kind.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}×${n}`).join(", ");
    const noAnswer = run.log.connectionErrors.get(name) ?? 0;
    console.log(`  ${name.padEnd(22)} ${String(sorted.length).padStart(7)} ${ms(percentile(sorted, 50)).padStart(7)} ${ms(percentile(sorted, 99)).padStart(7)} ${String(noAnswer).padStart(9)}  ${statuses}`);
  }
  const abandoned = [...run.log.unanswered].map(([kind, n]) => `${kind}×${n}`).join(" ");
  if (abandoned) console.log(`  given up without an answer after retrying: ${abandoned}`);
}

export async function printDatabase(run: SoakRun): Promise<void> {
  const orders = await prisma.$queryRawUnsafe<{ type: string; status: string; n: number }[]>(
    "SELECT type::text, status::text, count(*)::int AS n FROM incoming_orders GROUP BY 1, 2 ORDER BY 1, 2",
  );
  console.log("\norders by final status");
  for (const type of ["payin", "payout"]) {
    const rows = orders.filter((o) => o.type === type);
    console.log(`  ${type.padEnd(7)} ${rows.reduce((n, r) => n + r.n, 0)}: ${rows.map((r) => `${r.status} ${r.n}`).join(", ")}`);
  }
  const [disputes] = await prisma.$queryRawUnsafe<{ opened: number; resolved: number; system: number }[]>(
    "SELECT count(*)::int AS opened, count(*) FILTER (WHERE status <> 'open')::int AS resolved, count(*) FILTER (WHERE opened_via = 'system')::int AS system FROM disputes",
  );
  console.log(`  disputes: ${disputes.opened} opened (${disputes.system} by the deadline sweep), ${disputes.resolved} resolved by support over HTTP`);
  const [callbacks] = await prisma.$queryRawUnsafe<{ rows: number; delivered: number; attempts: number; failed_attempts: number }[]>(
    `SELECT (SELECT count(*)::int FROM callback_deliveries) AS rows,
            (SELECT count(*)::int FROM callback_deliveries WHERE status = 'succeeded') AS delivered,
            (SELECT count(*)::int FROM callback_attempts) AS attempts,
            (SELECT count(*)::int FROM callback_attempts WHERE status_code IS NULL OR status_code NOT BETWEEN 200 AND 299) AS failed_attempts`,
  );
  const r = run.receiver.stats;
  console.log("\ncallbacks");
  console.log(`  outbox ${callbacks.rows}, delivered ${callbacks.delivered}; attempts ${callbacks.attempts}, of which failed and retried ${callbacks.failed_attempts}`);
  console.log(`  receiver: ${r.requests} requests, answered 500 to ${r.answered500}, hung on ${r.hung}, slow on ${r.slow}; ${run.receiver.accepted.size} unique accepted, ${r.duplicates} duplicates received`);
  console.log("\ncrashes");
  for (const k of run.kills) console.log(`  SIGKILL ${k.instance} at ${k.at.toFixed(1)} s, serving again after ${(k.downMs / 1000).toFixed(1)} s`);
}

export function printChecks(checks: CheckResult[]): void {
  console.log("\nchecks");
  for (const c of checks) console.log(`  ${c.ok ? "✔" : "✘"} ${c.name}: ${c.detail}`);
}
