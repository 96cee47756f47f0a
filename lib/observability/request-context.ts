import { AsyncLocalStorage } from "node:async_hooks";

/** What is known about the request being served, for its log lines and audit rows. */
export interface RequestContext {
  requestId: string;
  /** The route pattern (/api/v1/payin/{id}), never the raw path. */
  route?: string;
  /** Who called, once the gateway frame has authenticated them (ids only, never a key). */
  storeId?: number;
  traderId?: number;
  userId?: number;
}

// On globalThis: Next.js bundles each route separately, and every bundle must see the one store.
const KEY = Symbol.for("jivapay.request-context");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` with `context` as the current request (for everything it awaits too). */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Runs `fn` outside any request: for a process-wide resource that one request merely happens to
 * start (a connection, a timer), so its later log lines do not carry that request's id.
 */
export function outsideRequestContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** The request being served, or undefined outside one (a sweep, a script). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
