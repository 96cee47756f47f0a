import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/net/trusted-proxies";

/**
 * Every environment variable the app reads, described once: its type, default and meaning.
 * `env()` reads and validates them once per process; scripts/start.ts calls `assertEnv()` before
 * it starts anything, so a bad value stops the start with a message naming the variable. The
 * README's Configuration table lists the same variables.
 *
 * An empty value counts as unset (`DATABASE_URL=` means "no database configured").
 */

const optionalText = z.string().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development").describe("Set to production by `npm start` for the server it runs."),
  DATABASE_URL: optionalText.describe("PostgreSQL to use; unset: `npm start` runs the embedded demo database."),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10).describe("Database connections per app process."),
  PORT: port(3000).describe("HTTP port of the app."),
  EMBEDDED_DB_PORT: port(54329).describe("Port of the embedded PostgreSQL."),
  JIVAPAY_DATA_DIR: z.string().min(1).default(".data").describe("Where the embedded database and the generated auth secret live."),
  NEXTAUTH_URL: optionalUrl.describe("Public URL of the app (next-auth; https makes the session cookie Secure). Default http://localhost:$PORT."),
  NEXTAUTH_SECRET: optionalText.describe("Signs session JWTs; at least 32 characters in production. Default: generated once into $JIVAPAY_DATA_DIR/nextauth-secret."),
  APP_URL: optionalUrl.describe("Base of the links in emails. Default NEXTAUTH_URL."),
  TRUSTED_PROXIES: z
    .string()
    .default("none")
    .transform((value, context): TrustedProxies => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    })
    .describe("Proxies in front of the app whose X-Forwarded-For hops are skipped: comma-separated CIDRs (IPv4/IPv6), or `none`."),
  RESEND_API_KEY: optionalText.describe("Send email through Resend; unset: emails stay in the outbox."),
  RESEND_BASE_URL: optionalUrl.describe("Resend API base URL (tests point it at a fake)."),
  EMAIL_FROM: optionalText.describe("Sender of every email. Default JivaPay <no-reply@jivapay.local>."),
  INNGEST_EVENT_KEY: optionalText.describe("Inngest Cloud event key: events drive the functions, crons run the sweeps."),
  INNGEST_SIGNING_KEY: optionalText.describe("Inngest Cloud signing key (verifies calls to /api/inngest)."),
  INNGEST_BASE_URL: optionalUrl.describe("A self-hosted `inngest start` or dev server instead of Inngest Cloud."),
  INNGEST_DEV: optionalText.describe("Talk to the Inngest dev server (1 or its URL)."),
  JIVAPAY_SWEEPS: z.enum(["on", "off"]).default("on").describe("`off` stops the in-process sweeps (e.g. on extra app instances)."),
  NEXT_DIST_DIR: z.string().min(1).default(".next").describe("Build output folder."),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional().describe("Level of the JSON logs on stdout. Default info (silent under Vitest)."),
  FILE_STORAGE: z.enum(["fs", "s3"]).default("fs").describe("Where receipt and evidence files are kept: `fs` (local files under FILE_STORAGE_DIR) or `s3` (an S3-compatible bucket)."),
  FILE_STORAGE_DIR: optionalText.describe("Folder of the fs driver's files (never served directly). Default $JIVAPAY_DATA_DIR/files."),
  S3_ENDPOINT: optionalUrl.describe("S3-compatible endpoint (MinIO, Ceph, R2, …); unset: AWS S3 of S3_REGION."),
  S3_REGION: z.string().min(1).default("us-east-1").describe("Region of the S3 bucket."),
  S3_BUCKET: optionalText.describe("Bucket of the s3 driver; required when FILE_STORAGE=s3."),
  S3_ACCESS_KEY_ID: optionalText.describe("Access key of the s3 driver; unset: the AWS SDK's default credentials (instance role, AWS_* variables)."),
  S3_SECRET_ACCESS_KEY: optionalText.describe("Secret key belonging to S3_ACCESS_KEY_ID."),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false").transform((value) => value === "true").describe("`true` for stores that need path-style URLs (MinIO, most self-hosted ones)."),
  METRICS_TOKEN: optionalText.describe("Bearer token that /api/metrics requires; unset: the endpoint answers 401 to everyone."),
  RETURN_URL_HTTP_HOSTS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const hosts = value.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean);
      const bad = hosts.find((host) => !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(host) && !/^\[[0-9a-f:]+\]$/.test(host));
      if (bad !== undefined) {
        context.addIssue({ code: "custom", message: `"${bad}" is not a host name (a comma-separated list such as localhost,127.0.0.1)` });
        return z.NEVER;
      }
      return hosts;
    })
    .describe("Hosts a pay-in's return_url may reach over plain http (comma-separated). Default localhost,127.0.0.1; none in production."),
});

export type Env = z.infer<typeof ENV_SCHEMA>;
type Source = Record<string, string | undefined>;

/** The environment is invalid: one "NAME: what is wrong" line per problem. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Reads and validates `source` (no production rules; see assertEnv). Throws EnvError. */
export function parseEnv(source: Source = process.env): Env {
  const known = Object.fromEntries(Object.keys(ENV_SCHEMA.shape).map((name) => [name, source[name]?.trim() || undefined]));
  const result = ENV_SCHEMA.safeParse(known);
  // A rule across variables, which the per-variable schema cannot say.
  if (result.success && result.data.FILE_STORAGE === "s3" && !result.data.S3_BUCKET) {
    throw new EnvError(["S3_BUCKET: required when FILE_STORAGE=s3"]);
  }
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
}

/**
 * Production run by an operator: NODE_ENV=production with their own DATABASE_URL. `npm start`
 * without DATABASE_URL (the embedded demo database) is the demo, held to no production rule.
 */
export function isOperatorProduction(source: Source = process.env): boolean {
  return source.NODE_ENV === "production" && Boolean(source.DATABASE_URL?.trim());
}

/** What production requires beyond valid values; [] outside operator production. */
export function productionProblems(source: Source = process.env, parsed: Env = parseEnv(source)): string[] {
  if (!isOperatorProduction(source)) return [];
  const problems: string[] = [];
  if (!parsed.NEXTAUTH_URL?.startsWith("https://")) {
    problems.push(`NEXTAUTH_URL: must be the app's public https:// URL in production (got ${parsed.NEXTAUTH_URL ?? "nothing"}); without https the session cookie is not Secure`);
  }
  if (!parsed.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET: required in production (at least 32 random characters, e.g. `openssl rand -base64 32`)");
  else if (parsed.NEXTAUTH_SECRET.length < 32) problems.push(`NEXTAUTH_SECRET: at least 32 characters in production (got ${parsed.NEXTAUTH_SECRET.length})`);
  if (!source.TRUSTED_PROXIES?.trim()) {
    problems.push("TRUSTED_PROXIES: required in production: the CIDRs of the proxies/load balancers in front of the app (e.g. 10.0.0.0/8), or `none` when clients connect directly");
  }
  return problems;
}

/** Valid values and, in operator production, the production rules; throws EnvError naming each variable. */
export function assertEnv(source: Source = process.env): Env {
  const parsed = parseEnv(source);
  const problems = productionProblems(source, parsed);
  if (problems.length) throw new EnvError(problems);
  return parsed;
}

/**
 * The hosts a pay-in's return_url may use plain http for: RETURN_URL_HTTP_HOSTS when set, else
 * the local machine outside operator production (a store developed on localhost) and none in it.
 */
export function returnUrlHttpHosts(source: Source = process.env, parsed: Env = env()): readonly string[] {
  return parsed.RETURN_URL_HTTP_HOSTS ?? (isOperatorProduction(source) ? [] : ["localhost", "127.0.0.1"]);
}

let cached: Env | null = null;

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forget the cached environment (tests that change process.env). */
export function resetEnvCache(): void {
  cached = null;
}
