import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore, createUser } from "@/lib/testing";
import { payinWithCallbacks } from "@/lib/testing/callback-orders";
import { useCallbackReceiver } from "@/lib/testing/callback-receiver";
import { getMerchantOrder, getMerchantReceipt } from "./get-merchant-order";
import { listMerchantOrderCallbacks, resendMerchantOrderCallback } from "@/lib/callbacks/order-callbacks";
import { canOpenDispute, openMerchantDispute } from "@/lib/disputes/open-merchant-dispute";

const WINDOW = { lateDisputeWindowHours: 72 };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const receiver = useCallbackReceiver();

async function merchantOrder(story: "paid" | "completed") {
  const user = await createUser(prisma, { role: "merchant" });
  const store = await createStore(prisma, { userId: user.id, callbackUrl: receiver.url });
  const { orderId, callbacks } = await payinWithCallbacks(store, story);
  return { user, store, orderId, callbacks };
}

describe("a merchant's order page", () => {
  it("shows the order with its timeline, callbacks, receipts and disputes", async () => {
    const { user, orderId, callbacks } = await merchantOrder("completed");
    const order = await getMerchantOrder(user.id, orderId);
    expect(order.history.map((h) => [h.fromStatus, h.status])).toEqual([
      ["created", "awaiting_payment"],
      ["awaiting_payment", "paid"],
      ["paid", "completed"],
    ]);
    expect(order.history.every((h) => h.processedAt instanceof Date && typeof h.actorType === "string")).toBe(true);
    expect(order.receipts).toEqual([]);
    expect(order.disputes).toEqual([]);
    const listed = await listMerchantOrderCallbacks(user.id, orderId);
    expect(listed.map((c) => c.id)).toEqual(callbacks.map((c) => c.id));
  });

  it("resends a callback of the merchant's own order at once", async () => {
    const { user, orderId, callbacks } = await merchantOrder("paid");
    receiver.received.length = 0;
    const resent = await resendMerchantOrderCallback(user.id, orderId, callbacks[0].id);
    expect(resent).toMatchObject({ id: callbacks[0].id, lastStatusCode: 200 });
    expect(resent.attemptsLog.length).toBeGreaterThanOrEqual(1);
    expect(receiver.received.map((r) => r.webhookId)).toContain(callbacks[0].webhookId);
  });

  it("refuses another merchant's order: not found, nothing sent, nothing read", async () => {
    const { orderId, callbacks } = await merchantOrder("paid");
    const intruder = await createUser(prisma, { role: "merchant" });
    const receipt = await prisma.receipt.create({
      data: { orderId, uploadedVia: "customer", fileName: "чек.pdf", contentType: "application/pdf", sizeBytes: 3, sha256: "0".repeat(64), data: new Uint8Array([1, 2, 3]) },
    });
    const before = await prisma.callbackDelivery.findMany({ where: { orderId }, orderBy: { id: "asc" } });
    receiver.received.length = 0;

    await expect(getMerchantOrder(intruder.id, orderId)).rejects.toMatchObject({ kind: "not_found", code: "order_not_found" });
    await expect(listMerchantOrderCallbacks(intruder.id, orderId)).rejects.toMatchObject({ code: "order_not_found" });
    await expect(resendMerchantOrderCallback(intruder.id, orderId, callbacks[0].id)).rejects.toMatchObject({ code: "order_not_found" });
    await expect(getMerchantReceipt(intruder.id, receipt.id)).rejects.toMatchObject({ kind: "not_found", code: "receipt_not_found" });
    expect(receiver.received).toEqual([]);
    expect(await prisma.callbackDelivery.findMany({ where: { orderId }, orderBy: { id: "asc" } })).toEqual(before);

    const owner = (await prisma.incomingOrder.findUniqueOrThrow({ where: { id: orderId }, include: { store: true } })).store.userId;
    expect(await getMerchantReceipt(owner, receipt.id)).toMatchObject({ fileName: "чек.pdf", contentType: "application/pdf" });
  });

  it("opens a dispute with evidence on the merchant's own paid order; another merchant's is not found and unchanged", async () => {
    const { user, orderId } = await merchantOrder("paid");
    const intruder = await createUser(prisma, { role: "merchant" });
    // As the merchant cabinet's session acts: a user with role "merchant" (the lifecycle's merchant party).
    const actor = { type: "user" as const, role: "merchant" as const, userId: user.id };
    expect(canOpenDispute(await getMerchantOrder(user.id, orderId), WINDOW)).toBe(true);

    const evidence = [{ fileName: "чек.png", contentType: "image/png", data: PNG }];
    await expect(openMerchantDispute(intruder.id, { orderId, reason: "paid, not confirmed", evidence }, { type: "user", role: "merchant", userId: intruder.id })).rejects.toMatchObject({
      kind: "not_found",
      code: "order_not_found",
    });
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect(await prisma.dispute.count({ where: { orderId } })).toBe(0);

    const opened = await openMerchantDispute(user.id, { orderId, reason: "The customer paid at 10:02, see the receipt", evidence }, actor);
    expect(opened).toMatchObject({ evidenceCount: 1, dispute: { openedVia: "merchant_cabinet", openedById: user.id } });
    const order = await getMerchantOrder(user.id, orderId);
    expect(order.status).toBe("disputed");
    expect(order.receipts.map((r) => r.fileName)).toEqual(["чек.png"]);
    expect(canOpenDispute(order, WINDOW)).toBe(false);
  });
});

describe("when the order page offers a dispute", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const order = (fields: Partial<Parameters<typeof canOpenDispute>[0]>): Parameters<typeof canOpenDispute>[0] => ({
    type: "payin",
    status: "paid",
    disputes: [],
    expiresAt: null,
    endedAt: null,
    failureReason: null,
    traderId: 1,
    ...fields,
  });

  it("a paid pay-in, and a paid payout only until its confirmation deadline", () => {
    expect(canOpenDispute(order({ expiresAt: at(-5) }), WINDOW, now)).toBe(true);
    expect(canOpenDispute(order({ type: "payout", expiresAt: at(5) }), WINDOW, now)).toBe(true);
    expect(canOpenDispute(order({ type: "payout", expiresAt: at(-1) }), WINDOW, now)).toBe(false);
    expect(canOpenDispute(order({ type: "payout", status: "assigned", expiresAt: at(5) }), WINDOW, now)).toBe(false);
  });

  it("an expired or cancelled pay-in that had a trader, within the late-payment window of its end", () => {
    expect(canOpenDispute(order({ status: "expired", endedAt: at(-71 * 60) }), WINDOW, now)).toBe(true);
    expect(canOpenDispute(order({ status: "cancelled", endedAt: at(-10) }), WINDOW, now)).toBe(true);
    expect(canOpenDispute(order({ status: "expired", endedAt: at(-73 * 60) }), WINDOW, now)).toBe(false);
    expect(canOpenDispute(order({ status: "expired", endedAt: at(-10), traderId: null }), WINDOW, now)).toBe(false);
    expect(canOpenDispute(order({ status: "expired", endedAt: at(-10) }), { lateDisputeWindowHours: 0 }, now)).toBe(false);
    expect(canOpenDispute(order({ type: "payout", status: "expired", endedAt: at(-10) }), WINDOW, now)).toBe(false);
  });

  it("not a pay-in support already decided (a resolved dispute, a force action)", () => {
    const resolved = { id: 1, status: "resolved_cancelled" as const, openedVia: "merchant_api", reason: "r", resolutionNote: "n", createdAt: at(-30), resolvedAt: at(-20) };
    expect(canOpenDispute(order({ status: "cancelled", endedAt: at(-10), disputes: [resolved] }), WINDOW, now)).toBe(false);
    expect(canOpenDispute(order({ status: "cancelled", endedAt: at(-10), failureReason: "forced_cancel" }), WINDOW, now)).toBe(false);
  });
});
