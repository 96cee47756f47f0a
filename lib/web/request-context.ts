import "server-only";
import { headers } from "next/headers";
import { currentRequestContext, runWithRequestContext } from "@/lib/observability/request-context";
import { requestIdFrom } from "@/lib/observability/request-id";

/**
 * The request id of the page, server action or route being served: the one proxy.ts put on the
 * request (and on the response), so a server action's log lines and audit rows carry the id
 * the browser saw. Outside a request (a test without headers) a fresh one.
 */
export async function webRequestId(): Promise<string> {
  try {
    return requestIdFrom(await headers());
  } catch {
    return requestIdFrom(null);
  }
}

/** Runs `fn` in the request context of the current Next.js request (reusing one already entered). */
export async function inWebRequestContext<T>(route: string, fn: () => Promise<T>): Promise<T> {
  if (currentRequestContext()) return fn();
  return runWithRequestContext({ requestId: await webRequestId(), route }, fn);
}
