// Dependencies point one way (docs/architecture.md). This reads every source file, so a new
// import that points up fails `npm test` with the file, the line and the rule it breaks.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findViolations, formatViolation, readSourceTree, type SourceFile } from "./import-boundaries";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("import boundaries", () => {
  it("hold across app, components, lib and inngest", () => {
    const files = readSourceTree(ROOT);
    expect(files.length).toBeGreaterThan(400);
    expect(findViolations(files).map(formatViolation)).toEqual([]);
  });

  it("catch a planted violation of every rule", () => {
    const planted: SourceFile[] = [
      { path: "lib/orders/a.ts", text: 'import { inngest } from "@/inngest/client";\n' },
      { path: "lib/orders/b.ts", text: 'import x from "../../components/format/money";\n' },
      { path: "lib/orders/c.ts", text: 'const { POST } = await import("@/app/api/v1/payin/route");\n' },
      { path: "lib/orders/d.ts", text: 'import { headers } from "next/headers";\n' },
      { path: "lib/orders/e.ts", text: 'import { cache } from "react";\n' },
      { path: "lib/orders/f.ts", text: "export const refuse = () => new Response(null, { status: 403 });\n" },
      { path: "lib/orders/g.test.ts", text: 'import { receiver } from "@/test/callbacks/receiver";\n' },
      { path: "components/trader/h.tsx", text: 'import { confirmPayinAction } from "@/app/(cabinet)/trader/order-actions";\n' },
      { path: "inngest/functions/i.ts", text: 'import { Money } from "@/components/format/money";\n' },
      { path: "app/api/v1/j/route.ts", text: 'import { Button } from "@/components/ui/button";\n' },
    ];
    const found = findViolations(planted);
    expect(found.map((v) => v.file)).toEqual(planted.map((f) => f.path));
    expect(found[0]).toMatchObject({ line: 1, rule: "lib imports nothing above it" });
  });

  it("let the adapters and the upper layers do what they are for", () => {
    const allowed: SourceFile[] = [
      { path: "lib/web/session.ts", text: 'import { redirect } from "next/navigation";\nimport { cache } from "react";\n' },
      { path: "lib/api/json.ts", text: "export const ok = () => new Response(null);\n" },
      { path: "lib/orders/k.ts", text: 'import { z } from "zod";\nimport { prisma } from "@/lib/db/client";\nimport { x } from "./next-step";\n' },
      { path: "components/trader/l.tsx", text: 'import { useState } from "react";\nimport { formatMoney } from "@/lib/format/money";\n' },
      { path: "app/(cabinet)/trader/page.tsx", text: 'import { Queue } from "@/components/trader/queue";\nimport { action } from "./actions";\n' },
      { path: "inngest/functions/m.ts", text: 'import { inngest } from "@/lib/jobs/inngest-client";\n' },
    ];
    expect(findViolations(allowed)).toEqual([]);
  });
});
