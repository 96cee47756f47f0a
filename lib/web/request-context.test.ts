// Server actions and pages run under the request id proxy.ts forwarded, so their log lines and
// audit rows match the request-id the browser got.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { currentRequestId, runWithRequestContext } from "@/lib/observability/request-context";
import { inWebRequestContext, webRequestId } from "./request-context";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

describe("the web request context", () => {
  it("takes the id proxy.ts forwarded, and audit rows written in it store the id", async () => {
    request.headers = new Headers({ "request-id": "from-proxy-0001" });
    expect(await webRequestId()).toBe("from-proxy-0001");
    await inWebRequestContext("server-action", async () => {
      expect(currentRequestId()).toBe("from-proxy-0001");
      await prisma.$transaction((tx) => recordAudit(tx, { type: "system" }, { action: "test.request_id", entityType: "test", entityId: 1 }));
    });
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: "test.request_id" } })).requestId).toBe("from-proxy-0001");
    expect(currentRequestId()).toBeNull();
  });

  it("makes one when the header is missing or unsafe, and keeps a context already entered", async () => {
    request.headers = new Headers({ "request-id": "bad id" });
    await inWebRequestContext("server-action", async () => expect(currentRequestId()).toMatch(/^[0-9a-f-]{36}$/));
    await runWithRequestContext({ requestId: "outer-request-01" }, () =>
      inWebRequestContext("server-action", async () => expect(currentRequestId()).toBe("outer-request-01")),
    );
  });
});
