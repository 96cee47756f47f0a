// Support resolving disputes over HTTP, the way the cabinet does it: there is no API for it,
// only the support cabinet's server action (app/(cabinet)/support/disputes/actions.ts). So this
// client signs in through next-auth's credentials endpoint (what the login form posts), reads
// the open disputes from the queue page's HTML, and calls resolveDisputeAction with Next's
// server action protocol (POST to the dispute's page with the Next-Action header, the
// arguments as a JSON array) — the same request the browser's "Resolve" button sends.
import fs from "node:fs";
import path from "node:path";
import { chance, pick, shuffle } from "../random";
import { ROOT } from "../processes";
import { ok, pause, type ActorContext } from "./context";

/** Dispute ids support resolved (the action answered ok): each must be closed in the database. */
export const resolvedDisputes = new Set<number>();

/** The action's id in this build (it changes with every build), from the server reference manifest. */
export function resolveActionId(distDir: string): string {
  const file = path.join(ROOT, distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<"node" | "edge", Record<string, { filename?: string; exportedName?: string }>>;
  const found = Object.entries({ ...manifest.node, ...manifest.edge }).find(
    ([, entry]) => entry.exportedName === "resolveDisputeAction" && entry.filename?.includes("support/disputes/actions"),
  );
  if (!found) throw new Error(`resolveDisputeAction is not in ${file}`);
  return found[0];
}

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: { headers: Headers }) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Signs in on any instance (the JWT session works on both: they share NEXTAUTH_SECRET). */
async function signIn(ctx: ActorContext, user: { email: string; password: string }): Promise<CookieJar | null> {
  const jar = new CookieJar();
  const base = pick(ctx.client.instances).url;
  try {
    const started = performance.now();
    const csrf = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(15_000) });
    jar.take(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: "true" }),
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    jar.take(response);
    ctx.client.log.answers.push({ kind: "support.sign_in", status: response.status, ms: performance.now() - started });
    return jar.header().includes("session-token") ? jar : null;
  } catch {
    ctx.client.log.count(ctx.client.log.connectionErrors, "support.sign_in");
    return null;
  }
}

/**
 * The action's result in the Flight answer: row 0 points at the row of the returned value
 * ("a":"$@<row>"); that row is the value as JSON.
 */
function actionResult(flight: string): { ok?: boolean } | null {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const row = /^([0-9a-f]+):(.*)$/.exec(line);
    if (row) rows.set(row[1], row[2]);
  }
  try {
    const reference = (JSON.parse(rows.get("0") ?? "null") as { a?: string } | null)?.a;
    const row = reference?.startsWith("$@") ? rows.get(reference.slice(2)) : undefined;
    return row && !row.startsWith("E") ? (JSON.parse(row) as { ok?: boolean }) : null;
  } catch {
    return null;
  }
}

export async function runSupport(ctx: ActorContext, user: { email: string; password: string }, actionId: string): Promise<void> {
  let jar: CookieJar | null = null;
  while (!ctx.stopping()) {
    jar ??= await signIn(ctx, user);
    if (!jar) {
      await pause(ctx, 1_000, 2_000);
      continue;
    }
    const queue = await ctx.client.send({ kind: "support.queue", method: "GET", path: "/support/disputes?status=open", headers: { cookie: jar.header() }, retryForMs: 10_000 });
    if (!queue || queue.status !== 200) {
      if (queue && queue.status >= 300 && queue.status < 400) jar = null; // signed out: sign in again
      await pause(ctx, 1_000, 2_000);
      continue;
    }
    const ids = [...new Set([...String(queue.body.text ?? "").matchAll(/\/support\/disputes\/(\d+)/g)].map((m) => Number(m[1])))];
    // Each support user takes the cases in their own order (two may still pick the same one: one wins).
    for (const id of shuffle(ids).slice(0, 10)) {
      if (ctx.stopping()) return;
      await pause(ctx, 100, 600); // reading the case
      const outcome = chance(0.6) ? "completed" : "cancelled";
      const answer = await ctx.client.send({
        kind: "support.resolve",
        method: "POST",
        path: `/support/disputes/${id}`,
        headers: { cookie: jar.header(), "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
        rawBody: JSON.stringify([{ disputeId: id, outcome, note: `Soak: checked the bank statement, ${outcome}.` }]),
        originHeader: true,
        retryForMs: 20_000,
      });
      if (ok(answer) && actionResult(String(answer.body.text ?? ""))?.ok === true) resolvedDisputes.add(id);
    }
    await pause(ctx, 1_000, 2_500);
  }
}
