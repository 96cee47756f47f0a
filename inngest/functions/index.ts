import { sendQueuedEmail } from "./send-email";
import { sweepFunctions } from "./sweeps";
import { orderFunctions } from "./orders";

/** Every Inngest function of the app, served by app/api/inngest/route.ts. */
export const functions = [sendQueuedEmail, ...orderFunctions, ...sweepFunctions];
