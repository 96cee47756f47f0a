/**
 * Next.js calls register() once when a server process starts. In the Node.js runtime it first
 * validates the configuration (lib/env.ts) unless scripts/start.ts already did — a standalone
 * server started directly, as in the Docker image, gets the same check and stops with the same
 * message on a bad or unsafe value. Then it starts the in-process background sweeps (emails, …)
 * unless Inngest runs them or JIVAPAY_SWEEPS=off. The imports are dynamic so the edge runtime
 * never loads Prisma.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!process.env.JIVAPAY_ENV_CHECKED) (await import("./lib/env-at-start")).assertEnvOrExit();
  const { startBackgroundSweeps } = await import("./lib/jobs/start-background-sweeps");
  startBackgroundSweeps();
}
