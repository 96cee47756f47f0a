import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";

/**
 * For the merchant cabinet's route handlers (downloads): the signed-in merchant, or the
 * response to send instead — 401 when signed out, 403 for another role.
 */
export async function merchantOrRefusal(): Promise<{ user: CurrentUser; refusal?: never } | { user?: never; refusal: Response }> {
  const user = await getCurrentUser();
  if (!user) return { refusal: new Response("Sign in first.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } }) };
  if (user.role !== "merchant") return { refusal: new Response("Forbidden.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } }) };
  return { user };
}

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
