import { serve } from "inngest/next";
import { inngest } from "@/lib/jobs/inngest-client";
import { functions } from "@/inngest/functions";
import { isInngestConfigured } from "@/lib/jobs/inngest-configured";

// Inngest calls this endpoint to register the functions (PUT) and to run their steps (POST).
const handlers = serve({ client: inngest, functions });

type Handler = (typeof handlers)["GET"];

/** Without an Inngest server the app runs its background work in process; say so plainly. */
const guard =
  (handler: Handler): Handler =>
  (...args) =>
    isInngestConfigured() || process.env.INNGEST_DEV
      ? handler(...args)
      : Promise.resolve(
          Response.json(
            { error: { type: "not_configured", code: "inngest_not_configured", message: "No Inngest server is configured; background work runs in process (see README)." } },
            { status: 503 },
          ),
        );

export const GET = guard(handlers.GET);
export const POST = guard(handlers.POST);
export const PUT = guard(handlers.PUT);
