import { inngest } from "@/lib/jobs/inngest-client";
import { emailQueued } from "@/lib/jobs/email-events";
import { sendEmail } from "@/lib/email/send-queued-emails";

/**
 * Sends the email an `email/queued` event announces, as soon as it is committed. A failed
 * provider call is recorded on the row and retried by the outbox's own backoff (the
 * send-queued-emails sweep); Inngest's retries cover this run failing outright (database
 * unreachable, process killed).
 */
export const sendQueuedEmail = inngest.createFunction(
  { id: "send-email", name: "Send a queued email", retries: 4, triggers: [emailQueued] },
  async ({ event, step }) => step.run("send-email", () => sendEmail(BigInt(event.data.id))),
);
