import "server-only";
import { routeUserOrRefusal } from "@/lib/web/route-user";

/** The merchant cabinet's route handlers (downloads): the signed-in merchant, or a 401/403 to send instead. */
export const merchantOrRefusal = () => routeUserOrRefusal("merchant");

/** A ReadableStream over an async generator of text, pulled chunk by chunk (backpressure), stopped when the client goes away. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
