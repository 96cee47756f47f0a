import { InjectedFault, setTransactionFault } from "@/lib/db/fault-injection";

export { InjectedFault };

/**
 * Runs `fn` with every transaction it starts failing just before commit (the hook in
 * lib/db/run-transaction.ts), then removes the fault whatever happened. The simulator runs one
 * step at a time, so nothing else is in flight to be hit by it.
 */
export async function withTransactionFault<T>(enabled: boolean, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  setTransactionFault(() => true);
  try {
    return await fn();
  } finally {
    setTransactionFault(null);
  }
}
