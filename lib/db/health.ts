import "server-only";
import { prisma } from "./client";

export async function databaseAnswers(timeoutMs = 2000): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const probe = prisma.$queryRaw`SELECT 1`.then(() => true as const).catch(() => false as const);
  return Promise.race([probe, timeout]);
}
