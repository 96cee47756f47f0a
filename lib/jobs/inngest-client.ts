import { Inngest } from "inngest";

/**
 * The app's Inngest client. Connection details come from the SDK's own environment variables
 * (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_BASE_URL, INNGEST_DEV); with none set the
 * app runs its background work in process instead (lib/jobs).
 */
export const inngest = new Inngest({ id: "jivapay" });
