import { eventType } from "inngest";
import { z } from "zod";

/** An email_outbox row was committed as queued; `id` is its id as a string (JSON has no bigint). */
export const emailQueued = eventType("email/queued", {
  schema: z.object({ id: z.string().regex(/^\d+$/) }),
});
