import "server-only";
import { prisma, type Tx } from "./client";

const RETRYABLE = /deadlock detected|could not serialize|40P01|40001|P2034/;

/**
 * An interactive transaction, retried (up to `attempts` times, with jitter) when PostgreSQL
 * aborts it for a deadlock or a serialization failure: the whole function runs again on a
 * fresh snapshot, so nothing of the aborted attempt survives.
 */
export async function runTransaction<T>(fn: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, { maxWait: 10_000, timeout: 30_000 });
    } catch (error) {
      const code = (error as { code?: string })?.code ?? "";
      if (attempt >= attempts || !RETRYABLE.test(`${code} ${String(error)}`)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
