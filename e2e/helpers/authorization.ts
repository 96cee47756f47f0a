// What the authorization matrix (e2e/auth/authorization-matrix.spec.ts) needs: the cabinet
// pages, route handlers and server actions as the project has them — pages and route handlers
// found in app/, server actions in the build's manifest, so whatever is added later is in the
// matrix without a hand-kept list — and plain HTTP clients that speak Next's server action
// protocol with a role's stored session.
import fs from "node:fs";
import path from "node:path";
import { expect, request, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { CABINETS, type Role } from "./cabinets";
import { ROOT, currentRun, sessionFile } from "./run";

export const ROLES: Role[] = CABINETS.map((c) => c.role);

/** A page or route handler: its file under app/, its URL pattern ("/merchant/orders/[id]") and the cabinet it belongs to. */
export interface CabinetRoute {
  owner: Role;
  file: string;
  pattern: string;
}

export interface RouteHandler extends CabinetRoute {
  /** The HTTP methods the file exports (GET, POST, …). */
  methods: string[];
}

export interface ServerAction {
  /** The id the browser sends in the Next-Action header (changes with every build). */
  id: string;
  /** Its source file, relative to the project ("app/(cabinet)/teamlead/actions.ts"). */
  file: string;
  name: string;
  /** The cabinet the file lives in; null for anything outside app/(cabinet)/<role>/. */
  owner: Role | null;
  /** URL patterns of the pages whose bundle carries the action (where the browser posts it). */
  pages: string[];
}

/** Files below `dir` (relative to the project, with forward slashes) whose name matches `name`. */
function filesUnder(dir: string, name: RegExp): string[] {
  const absolute = path.join(ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .filter((file) => name.test(path.basename(file)))
    .map((file) => path.posix.join(dir, file.split(path.sep).join("/")))
    .sort();
}

/** The URL pattern of a file (or manifest entry such as "app/(cabinet)/admin/page") under app/: its folders without route groups. */
function urlPattern(appFile: string): string {
  const folders = path.posix.dirname(appFile).split("/").slice(1);
  return `/${folders.filter((folder) => !/^\(.+\)$/.test(folder)).join("/")}`;
}

/** The cabinet a file belongs to: app/(cabinet)/<role>/… and app/api/cabinet/<role>/…; null for anything else. */
function cabinetOf(file: string): Role | null {
  const role = /^app\/(?:\(cabinet\)|api\/cabinet)\/([^/]+)\//.exec(file)?.[1];
  return ROLES.find((r) => r === role) ?? null;
}

/** Every page of every cabinet: app/(cabinet)/<role>/**\/page.tsx. */
export function cabinetPages(): CabinetRoute[] {
  return ROLES.flatMap((owner) => filesUnder(`app/(cabinet)/${owner}`, /^page\.[jt]sx?$/).map((file) => ({ owner, file, pattern: urlPattern(file) })));
}

/** Every route handler of every cabinet: app/api/cabinet/<role>/** and app/(cabinet)/<role>/** route files, with their methods. */
export function cabinetRouteHandlers(): RouteHandler[] {
  return ROLES.flatMap((owner) =>
    [`app/api/cabinet/${owner}`, `app/(cabinet)/${owner}`]
      .flatMap((dir) => filesUnder(dir, /^route\.[jt]sx?$/))
      .map((file) => {
        const source = fs.readFileSync(path.join(ROOT, file), "utf8");
        const methods = [...source.matchAll(/export\s+(?:async\s+function|function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
        return { owner, file, pattern: urlPattern(file), methods };
      }),
  );
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/**
 * Every server action of the build under test, from `<distDir>/server/server-reference-manifest.json`
 * (distDir as next.config.mjs sets it). Read when a test runs, after the webServer has built.
 */
export function serverActions(): ServerAction[] {
  const file = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<"node" | "edge", Record<string, ManifestEntry>>;
  return Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, entry]) => ({
    id,
    file: entry.filename ?? "",
    name: entry.exportedName ?? "",
    owner: entry.filename ? cabinetOf(entry.filename) : null,
    pages: Object.keys(entry.workers)
      .filter((worker) => worker.endsWith("/page"))
      .map(urlPattern),
  }));
}

/** The URL of a pattern with its dynamic segments ("[id]") taken from `values` (by segment name). */
export function fillPattern(pattern: string, values: Record<string, string | number | undefined>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (segment, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for ${segment} of ${pattern}: add one to the matrix's ids.`);
    return encodeURIComponent(String(value));
  });
}

/**
 * An HTTP client of the app as `role`'s demo user — the session the setup project stored — or
 * signed out (null). `userAgent` marks its requests: audit rows record the user agent, so the
 * rows a client's requests caused can be told apart from those of specs running in parallel.
 */
export function clientAs(role: Role | null, userAgent: string): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: currentRun().baseURL,
    storageState: role ? sessionFile(role) : undefined,
    extraHTTPHeaders: { "user-agent": userAgent },
  });
}

/**
 * Headers of a client-side navigation between two pages of `role`'s cabinet: the router state
 * says the browser already shows the cabinet's layout, so Next renders only the segments below
 * it. Against such a request the page's own role check is all that guards its data.
 */
export function segmentRequestHeaders(role: Role): Record<string, string> {
  const tree = ["", { children: ["(cabinet)", { children: [role, { children: ["__authorization_matrix__", {}] }] }] }];
  return { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(tree)) };
}

/** Signs a client in through next-auth's credentials endpoint (what the login form posts), for users of a spec's own. */
export async function signInOverHttp(client: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await client.get("/api/auth/csrf")).json();
  const response = await client.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const session = await (await client.get("/api/auth/session")).json();
  expect(session?.user?.email, `session of ${email}`).toBe(email);
}

/** A FormData argument of a server action; a field is a string or a file. */
export class ActionForm {
  constructor(readonly fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>) {}
}

export interface ActionAnswer {
  status: number;
  /** Next's x-action-redirect header ("/login;push") when the action redirected. */
  redirect: string | null;
  /** What the action returned ({ value }) or threw ({ digest }); null when the answer carries no result (a redirect). */
  result: { value: unknown } | { digest: string } | null;
}

/** React escapes a string argument that starts with "$" (its reference marker) by doubling the "$". */
const escapeDollar = (_key: string, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value);

/**
 * Calls a server action the way the browser does (React's encodeReply, Next's fetch-action
 * request): POST to a page with the Next-Action header; the body is the JSON array of the
 * arguments, or — when one is a FormData — multipart, where field "0" holds the arguments with
 * each form replaced by "$K<n>" and the form's fields travel as "<n>_<name>".
 */
export async function callAction(client: APIRequestContext, action: ServerAction, url: string, args: unknown[]): Promise<ActionAnswer> {
  const headers = { "next-action": action.id, accept: "text/x-component", origin: currentRun().baseURL };
  let response;
  if (args.some((arg) => arg instanceof ActionForm)) {
    const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {};
    let part = 0;
    const encoded = args.map((arg) => {
      if (!(arg instanceof ActionForm)) return JSON.parse(JSON.stringify(arg, escapeDollar));
      part += 1;
      for (const [name, value] of Object.entries(arg.fields)) multipart[`${part}_${name}`] = value;
      return `$K${part.toString(16)}`;
    });
    multipart["0"] = JSON.stringify(encoded);
    response = await client.post(url, { headers, multipart, maxRedirects: 0 });
  } else {
    response = await client.post(url, {
      headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(args, escapeDollar),
      maxRedirects: 0,
    });
  }
  return { status: response.status(), redirect: response.headers()["x-action-redirect"] ?? null, result: actionResult(await response.text()) };
}

/**
 * The action's outcome in a Flight answer: row 0 names the row of the result ("a":"$@<row>");
 * that row is the returned value as JSON, or "E" and the thrown error's {digest}.
 */
function actionResult(flight: string): ActionAnswer["result"] {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const row = /^([0-9a-f]+):(.*)$/.exec(line);
    if (row) rows.set(row[1], row[2]);
  }
  const root = rows.get("0");
  if (!root?.startsWith("{")) return null;
  const reference = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof reference !== "string" || !reference.startsWith("$@")) return null;
  const row = rows.get(reference.slice(2));
  if (row === undefined) return null;
  return row.startsWith("E") ? { digest: (JSON.parse(row.slice(1)) as { digest: string }).digest } : { value: JSON.parse(row) };
}

/** What Next answers in the Flight result when an action called forbidden(). */
export const FORBIDDEN_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;403";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] !== "#") return ENTITIES[code.toLowerCase()] ?? entity;
    return String.fromCodePoint(code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
  });
}

/** The forms a text takes in a served page: as is, HTML-escaped, JSON-escaped (inside the Flight payload). */
function spellings(text: string): string[] {
  const html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, html, json, JSON.stringify(json).slice(1, -1)])];
}

const appears = (text: string, body: string) => spellings(text).some((spelling) => body.includes(spelling));

/** Whether an HTML answer is Next's error document (a page refused while rendering: nothing of it was served). */
export function isErrorDocument(html: string): boolean {
  return /^<!DOCTYPE html><html id="__next_error__"/i.test(html);
}

/**
 * The owner's content of a page: the texts between its tags (scripts and styles left out) that
 * are at least 6 characters long with a letter in them and that neither the login page nor
 * the URL carry. Every page embeds the UI messages of both languages in its payload, so a
 * heading or label proves nothing; this keeps the data the page shows (ids, names, emails,
 * amounts with their currency, setting keys …).
 */
export function ownerContent(html: string, loginPage: string, url: string): string[] {
  const visible = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "");
  const texts = visible.split(/<[^>]+>/).map((text) => decodeEntities(text).trim());
  return [...new Set(texts)].filter((text) => text.length >= 6 && /\p{L}/u.test(text) && !appears(text, loginPage) && !decodeURIComponent(url).includes(text));
}

/** Which of `content` appear in `body`, in any of the spellings a page uses. */
export function leaked(content: string[], body: string): string[] {
  return content.filter((text) => appears(text, body));
}

/** Row count and a hash of the rows of each table, narrowed by its WHERE clause: equal twice means nothing in them changed. */
export async function tableFingerprints(db: pg.Client, tables: [table: string, where: string, params: unknown[]][]): Promise<Record<string, { rows: number; hash: string }>> {
  const result: Record<string, { rows: number; hash: string }> = {};
  for (const [table, where, params] of tables) {
    const { rows } = await db.query<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS hash FROM ${table} t WHERE ${where}`,
      params,
    );
    result[table] = rows[0];
  }
  return result;
}

/** Runs `fn` over `items`, at most `limit` at a time (the app shares two cores with the database and the runner). */
export async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
