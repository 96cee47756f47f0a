/**
 * Next.js calls register() once when a server process starts. In the Node.js runtime it
 * starts the in-process background sweeps (emails, …) unless Inngest runs them or
 * JIVAPAY_SWEEPS=off; the import is dynamic so the edge runtime never loads Prisma.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundSweeps } = await import("./lib/jobs/start-background-sweeps");
  startBackgroundSweeps();
}
