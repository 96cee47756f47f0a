import { observedRoute } from "@/lib/api/observe-request";
import { traderRouteSession } from "@/lib/web/trader-session";
import { traderQueueStream } from "@/lib/web/trader-queue-stream";

// A stream per request, never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * The trader's live queue as Server-Sent Events (lib/web/trader-queue-stream.ts): the cabinet
 * reads /api/cabinet/trader/queue again when told, instead of polling it every two seconds.
 * Same session check as the queue itself; 406 for a client that does not ask for an event
 * stream; 204 for a trader without a trader profile (nothing will ever be in their queue, and
 * EventSource does not reconnect after a 204).
 */
export const GET = observedRoute("/api/cabinet/trader/queue/stream", async function GET(request: Request) {
  const { traderId, refusal } = await traderRouteSession();
  if (refusal) return refusal;
  // Only for EventSource (which always asks for text/event-stream): anything else would wait on an answer that never ends.
  if (!request.headers.get("accept")?.includes("text/event-stream")) {
    return new Response("An event stream: open it with EventSource (Accept: text/event-stream).", { status: 406, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (traderId === null) return new Response(null, { status: 204 });
  return traderQueueStream(traderId, request.signal);
});
