"use client";
// zod compiles object parsers with `new Function` unless told not to; probing for that is an
// eval the Content-Security-Policy (proxy.ts) refuses and reports as a violation. Turn the JIT
// off in the browser (it changes nothing but speed). Rendered once by the root layout, so the
// module runs before any client component parses anything.
import { z } from "zod";

z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
