// lib/env.ts: every variable validated once; production refuses an unsafe configuration.
import { describe, expect, it } from "vitest";
import { assertEnv, EnvError, isOperatorProduction, parseEnv, productionProblems } from "@/lib/env";

const SECRET = "s".repeat(32);
const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://jivapay@db/jivapay",
  NEXTAUTH_URL: "https://pay.example.com",
  NEXTAUTH_SECRET: SECRET,
  TRUSTED_PROXIES: "10.0.0.0/8",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    assertEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
}

describe("env", () => {
  it("gives the defaults for an empty environment (the demo)", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 3000, EMBEDDED_DB_PORT: 54329, DATABASE_POOL_SIZE: 10, JIVAPAY_DATA_DIR: ".data", JIVAPAY_SWEEPS: "on", NEXT_DIST_DIR: ".next" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRUSTED_PROXIES.none).toBe(true);
    // Empty counts as unset (playwright.config.ts passes DATABASE_URL="").
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("coerces and checks types, naming the variable", () => {
    expect(parseEnv({ PORT: "3917", DATABASE_POOL_SIZE: "4" })).toMatchObject({ PORT: 3917, DATABASE_POOL_SIZE: 4 });
    expect(problemsOf({ PORT: "abc" })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ EMBEDDED_DB_PORT: "70000" })[0]).toMatch(/^EMBEDDED_DB_PORT: /);
    expect(problemsOf({ NEXTAUTH_URL: "not a url" })[0]).toMatch(/^NEXTAUTH_URL: /);
    expect(problemsOf({ JIVAPAY_SWEEPS: "maybe" })[0]).toMatch(/^JIVAPAY_SWEEPS: /);
    expect(problemsOf({ LOG_LEVEL: "loud" })[0]).toMatch(/^LOG_LEVEL: /);
    expect(parseEnv({ LOG_LEVEL: "debug", METRICS_TOKEN: " t0ken " })).toMatchObject({ LOG_LEVEL: "debug", METRICS_TOKEN: "t0ken" });
    expect(problemsOf({ TRUSTED_PROXIES: "10.0.0.0/99" })[0]).toMatch(/^TRUSTED_PROXIES: "10\.0\.0\.0\/99" is not a CIDR/);
  });

  it("holds the demo (no DATABASE_URL) and development to no production rule", () => {
    expect(isOperatorProduction({ NODE_ENV: "production" })).toBe(false);
    expect(isOperatorProduction({ NODE_ENV: "development", DATABASE_URL: "postgres://x" })).toBe(false);
    expect(problemsOf({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" })).toEqual([]);
    expect(problemsOf({ NODE_ENV: "development", DATABASE_URL: "postgres://x" })).toEqual([]);
  });

  it("in production requires an https NEXTAUTH_URL, a 32-character NEXTAUTH_SECRET and TRUSTED_PROXIES", () => {
    expect(problemsOf(PRODUCTION)).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, TRUSTED_PROXIES: "none" })).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, NEXTAUTH_URL: "http://pay.example.com" }).map((p) => p.split(":")[0])).toEqual(["NEXTAUTH_URL"]);
    expect(problemsOf({ ...PRODUCTION, NEXTAUTH_URL: undefined }).map((p) => p.split(":")[0])).toEqual(["NEXTAUTH_URL"]);
    expect(problemsOf({ ...PRODUCTION, NEXTAUTH_SECRET: "short" })[0]).toMatch(/^NEXTAUTH_SECRET: at least 32/);
    expect(problemsOf({ ...PRODUCTION, NEXTAUTH_SECRET: undefined })[0]).toMatch(/^NEXTAUTH_SECRET: required/);
    expect(problemsOf({ ...PRODUCTION, TRUSTED_PROXIES: "" })[0]).toMatch(/^TRUSTED_PROXIES: required/);
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgres://x" }).map((p) => p.split(":")[0])).toEqual(["NEXTAUTH_URL", "NEXTAUTH_SECRET", "TRUSTED_PROXIES"]);
    expect(productionProblems({ ...PRODUCTION, NODE_ENV: "test" })).toEqual([]);
  });

  it("reads the file storage: fs by default, s3 only with a bucket", () => {
    expect(parseEnv({})).toMatchObject({ FILE_STORAGE: "fs", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false });
    expect(parseEnv({}).FILE_STORAGE_DIR).toBeUndefined();
    expect(problemsOf({ FILE_STORAGE: "ftp" })[0]).toMatch(/^FILE_STORAGE: /);
    expect(problemsOf({ FILE_STORAGE: "s3" })).toEqual(["S3_BUCKET: required when FILE_STORAGE=s3"]);
    expect(problemsOf({ S3_ENDPOINT: "minio:9000" })[0]).toMatch(/^S3_ENDPOINT: /);
    expect(parseEnv({ FILE_STORAGE: "s3", S3_BUCKET: "receipts", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "true" })).toMatchObject({
      FILE_STORAGE: "s3",
      S3_BUCKET: "receipts",
      S3_ENDPOINT: "http://minio:9000",
      S3_FORCE_PATH_STYLE: true,
    });
  });
});
