import "server-only";
import { describeClientError, handleApiError } from "./error-response";
import { inlineFilesBodyLimit, jsonResponse, readJsonBody } from "./json";
import { authenticateStore, authenticateTrader, forgetCachedStore, StaleCredentials } from "./authenticate-request";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { enforceRateLimit } from "./rate-limit";

const clientIp = (request: Request) => clientIpFromHeaders(request.headers);
import { withClaimInTransaction, withIdempotency, type IdempotencyClaim, type StoredResponse } from "./idempotency";
import { observeRequest, routePattern } from "./observe-request";
import type { RequestContext } from "@/lib/observability/request-context";
import type { Actor } from "@/lib/audit/record-audit";
import { markTraderSeen } from "@/lib/traders/mark-trader-seen";
import { readSettings } from "@/lib/settings/read-settings";
import { applySecurityHeaders } from "@/lib/web/security-headers";

type Params = Record<string, string>;

type RouteContext = { params: Promise<Params> };

interface HandlerInput<A> {
  request: Request;
  auth: A;
  params: Params;
  body: unknown;
  actor: Actor;
  /** For routes with `claimsIdempotencyKey`: the request's key, to claim in the handler's transaction. */
  idempotency: IdempotencyClaim | null;
}

export interface RouteOptions {
  /**
   * The handler claims the Idempotency-Key in its own transaction and stores its answer there
   * (order creation: see IdempotencyClaim); other routes claim it before they run.
   */
  claimsIdempotencyKey?: boolean;
  /**
   * The caller may be authenticated from this process's cache: only for handlers whose writes
   * re-check the credentials themselves and throw StaleCredentials (order creation, see
   * authenticateStore). The request is then authenticated afresh and run once more.
   */
  cachedAuth?: boolean;
  /**
   * How many base64 files the JSON body may carry (a receipt, dispute evidence): its limit
   * grows from 64 KiB by that many files at the receipts.max_bytes cap (lib/api/json.ts).
   */
  inlineFiles?: number;
}

export type Result = { status?: number; body: unknown };

/** Domain and validation errors become stored responses, so an idempotent replay repeats them. */
async function settle(run: () => Promise<Result>): Promise<StoredResponse> {
  try {
    const result = await run();
    return { status: result.status ?? 200, body: result.body };
  } catch (error) {
    const described = describeClientError(error);
    if (!described) throw error;
    return { status: described.status, body: described.body };
  }
}

function makeRoute<A>(
  authenticate: (request: Request, options: { cached?: boolean }) => Promise<A>,
  rateKey: (auth: A) => string,
  actorOf: (auth: A, request: Request) => Actor,
  idempotencyScope: (auth: A) => number | null,
  /** The caller's ids for the access log line (never the key itself). */
  callerOf: (auth: A) => Pick<RequestContext, "storeId" | "traderId">,
  onAuthenticated: (auth: A) => void = () => {},
) {
  return (handler: (input: HandlerInput<A>) => Promise<Result>, options: RouteOptions = {}) =>
    async (request: Request, context: RouteContext): Promise<Response> => {
      const params = await context.params;
      const url = new URL(request.url); // parsed once: the route pattern, the idempotency path, https
      const route = routePattern(url.pathname, params);
      const response = await observeRequest(request, route, (observed) => serve(request, url.pathname, params, observed, handler, options));
      // The gateway's routes skip proxy.ts (its matcher leaves them out: running it cost a tenth
      // of the pay-in throughput, `npm run bench`), so their responses get the same security
      // headers here; every other path still gets them from the proxy.
      return applySecurityHeaders(request, response);
    };

  async function serve(
    request: Request,
    path: string,
    params: Params,
    observed: RequestContext,
    handler: (input: HandlerInput<A>) => Promise<Result>,
    options: RouteOptions,
  ): Promise<Response> {
    try {
      const ip = clientIp(request);
      // A request with a missing or wrong key still counts against its IP (key guessing is
      // throttled); an authenticated one counts against its key and IP in one statement.
      const auth = await authenticate(request, { cached: options.cachedAuth }).catch(async (error: unknown) => {
        await enforceRateLimit({ apiKey: null, ip });
        throw error;
      });
      Object.assign(observed, callerOf(auth));
      await enforceRateLimit({ apiKey: rateKey(auth), ip });
      onAuthenticated(auth);
      const actor = actorOf(auth, request);
      const bodyLimit = options.inlineFiles ? inlineFilesBodyLimit(options.inlineFiles, (await readSettings())["receipts.max_bytes"]) : undefined;
      const { value: body, raw } = request.method === "POST" ? await readJsonBody(request, bodyLimit) : { value: undefined, raw: "" };
      const run = async (idempotency: IdempotencyClaim | null = null): Promise<StoredResponse> => {
        try {
          return await settle(() => handler({ request, auth, params, body, actor, idempotency }));
        } catch (error) {
          if (!(error instanceof StaleCredentials)) throw error;
          // The cached key no longer holds: authenticate afresh (its 401 is answered, not stored) and run again.
          forgetCachedStore(request);
          const fresh = await authenticate(request, {});
          return settle(() => handler({ request, auth: fresh, params, body, actor: actorOf(fresh, request), idempotency }));
        }
      };

      const key = request.headers.get("idempotency-key");
      const scope = idempotencyScope(auth);
      if (request.method === "POST" && key !== null && scope !== null) {
        const keyed = { method: request.method, path, body: raw };
        const result = options.claimsIdempotencyKey
          ? await withClaimInTransaction(scope, key, keyed, run)
          : await withIdempotency(scope, key, keyed, () => run());
        return jsonResponse(result.body, result.status, result.replayed ? { "idempotent-replayed": "true" } : undefined);
      }
      const result = await run();
      return jsonResponse(result.body, result.status);
    } catch (error) {
      return handleApiError(error);
    }
  }
}

/** A gateway route for merchants (store API key), with rate limits and Idempotency-Key on POST. */
export const merchantRoute = makeRoute(
  authenticateStore,
  (auth) => `store-key:${auth.apiKeyId}`,
  (auth, request) => ({ type: "merchant_api", userId: auth.store.userId, ip: clientIp(request), userAgent: request.headers.get("user-agent") }),
  (auth) => auth.store.id,
  (auth) => ({ storeId: auth.store.id }),
);

/** A route of the trader API (personal trader token). */
export const traderRoute = makeRoute(
  authenticateTrader,
  (auth) => `trader-token:${auth.tokenId}`,
  (auth, request) => ({ type: "trader_api", userId: auth.trader.userId, ip: clientIp(request), userAgent: request.headers.get("user-agent") }),
  () => null,
  (auth) => ({ traderId: auth.trader.id }),
  // A trader working through the API is online (payout offers go to online traders only);
  // markTraderSeen writes at most once a minute, off the request's critical path.
  (auth) => void markTraderSeen(auth.trader.id).catch(() => {}),
);
