// Idempotency-Key on POST: concurrent duplicates make exactly one order and get identical
// answers; a replay is marked; a different body is a 409; keys are scoped per store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { POST as cancelPayinRoute } from "@/app/api/v1/payin/[id]/cancel/route";
import { uniqueId } from "@/lib/testing";
import { setTransactionFault } from "@/lib/db/fault-injection";
import { requestHash } from "@/lib/api/idempotency";
import { call, expectErrorShape, payinBody, payoutBody, type ApiResponse } from "@/lib/testing/api";
import { creditStoreUsdt, setupReference, storeUsdt, storeWithApiKey, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;

beforeAll(async () => {
  ({ currencies } = await setupReference({ maxOpenOrdersPerRequisite: 100 }));
  await traderWithRequisite(currencies);
  await traderWithRequisite(currencies);
});

afterAll(async () => {
  expect(await checkLedger(prisma)).toEqual([]);
});

const PARALLEL = 50;

function post(route: typeof createPayinRoute, path: string, key: string, raw: string, idempotencyKey: string) {
  return call(route, "POST", path, { key, raw, headers: { "idempotency-key": idempotencyKey } });
}

function expectAllIdentical(responses: ApiResponse[]) {
  const [first] = responses;
  for (const response of responses) {
    expect(response.status, response.text).toBe(first.status);
    expect(response.json).toEqual(first.json);
    expect(response.text).toBe(first.text); // byte-for-byte, not just equal JSON
  }
  // Exactly one request ran; the rest got its stored response back, marked as a replay.
  const fresh = responses.filter((r) => r.headers.get("idempotent-replayed") === null);
  expect(fresh).toHaveLength(1);
  for (const response of responses.filter((r) => r !== fresh[0])) expect(response.headers.get("idempotent-replayed")).toBe("true");
}

describe("Idempotency-Key", () => {
  it(`${PARALLEL} parallel POST /payin with one key and body → one order, identical responses`, async () => {
    const { store, key } = await storeWithApiKey();
    const idempotencyKey = uniqueId("idem");
    const body = payinBody({ amount: 123_400 });
    const raw = JSON.stringify(body);

    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => post(createPayinRoute, "/api/v1/payin", key, raw, idempotencyKey)));
    expect(responses[0].status, responses[0].text).toBe(201);
    expectAllIdentical(responses);
    expect(responses[0].json.id).toMatch(/^pi_/);
    expect(responses[0].json.status).toBe("awaiting_payment");

    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
    const stored = await prisma.idempotencyKey.findMany({ where: { storeId: store.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].orderId).toBe(responses[0].json.id);
    // One hold, one creation in the audit trail.
    expect(await prisma.balanceTraderCryptoHistory.count({ where: { orderId: responses[0].json.id } })).toBe(1);

    // A later replay: same status and body, marked as a replay, still one order.
    const replay = await post(createPayinRoute, "/api/v1/payin", key, raw, idempotencyKey);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(responses[0].json);
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
  });

  it(`${PARALLEL} parallel POST /payout with one key → one order, one hold`, async () => {
    const { store, key } = await storeWithApiKey({ payoutCommission: "0.02" });
    await creditStoreUsdt(currencies, store.id, 1_000_000_000n);
    const idempotencyKey = uniqueId("idem");
    const raw = JSON.stringify(payoutBody({ amount: 250_000 }));
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => post(createPayoutRoute, "/api/v1/payout", key, raw, idempotencyKey)));
    expect(responses[0].status, responses[0].text).toBe(201);
    expectAllIdentical(responses);
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.balanceStoreHistory.count({ where: { orderId: responses[0].json.id } })).toBe(1);
    const balance = await storeUsdt(currencies, store.id);
    expect(balance.available + balance.held).toBe(1_000_000_000n);
  });

  it("same key with a different body → 409 idempotency_conflict, nothing created", async () => {
    const { store, key } = await storeWithApiKey();
    const idempotencyKey = uniqueId("idem");
    const body = payinBody({ amount: 130_000 });
    const first = await post(createPayinRoute, "/api/v1/payin", key, JSON.stringify(body), idempotencyKey);
    expect(first.status).toBe(201);

    for (const changed of [
      { ...body, amount: 130_001 },
      { ...body, merchant_order_id: uniqueId("mo") },
      { ...body, metadata: { a: 1 } },
    ]) {
      const response = await post(createPayinRoute, "/api/v1/payin", key, JSON.stringify(changed), idempotencyKey);
      const error = expectErrorShape(response, 409, "idempotency_conflict");
      expect(error.type).toBe("conflict");
    }
    // The same key on another endpoint is another request too.
    const otherPath = await post(createPayoutRoute, "/api/v1/payout", key, JSON.stringify(body), idempotencyKey);
    expectErrorShape(otherPath, 409, "idempotency_conflict");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("parallel requests with one key but different bodies → one order, the rest 409", async () => {
    const { store, key } = await storeWithApiKey();
    const idempotencyKey = uniqueId("idem");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(createPayinRoute, "/api/v1/payin", key, JSON.stringify(payinBody({ amount: 140_000 + i })), idempotencyKey)),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) expectErrorShape(response, 409, "idempotency_conflict");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("different stores may use the same key independently", async () => {
    const [first, second] = [await storeWithApiKey(), await storeWithApiKey()];
    const idempotencyKey = uniqueId("shared");
    const body = JSON.stringify(payinBody({ amount: 150_000 }));
    const [a, b] = await Promise.all([
      post(createPayinRoute, "/api/v1/payin", first.key, body, idempotencyKey),
      post(createPayinRoute, "/api/v1/payin", second.key, body, idempotencyKey),
    ]);
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    expect(a.headers.get("idempotent-replayed")).toBeNull();
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(a.json.id).not.toBe(b.json.id);
    expect(await prisma.incomingOrder.count({ where: { storeId: first.store.id } })).toBe(1);
    expect(await prisma.incomingOrder.count({ where: { storeId: second.store.id } })).toBe(1);
    // A different body for the second store under the shared key is a conflict only there.
    const conflict = await post(createPayinRoute, "/api/v1/payin", second.key, JSON.stringify(payinBody()), idempotencyKey);
    expectErrorShape(conflict, 409, "idempotency_conflict");
    const replay = await post(createPayinRoute, "/api/v1/payin", first.key, body, idempotencyKey);
    expect(replay.json).toEqual(a.json);
  });

  it("stores 4xx answers too: a replayed validation error and a replayed duplicate are the same", async () => {
    const { key } = await storeWithApiKey();
    const invalidKey = uniqueId("idem");
    const invalid = JSON.stringify({ amount: -1 });
    const first = await post(createPayinRoute, "/api/v1/payin", key, invalid, invalidKey);
    expectErrorShape(first, 422);
    const again = await post(createPayinRoute, "/api/v1/payin", key, invalid, invalidKey);
    expect(again.status).toBe(422);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");

    const body = payinBody({ amount: 160_000 });
    expect((await post(createPayinRoute, "/api/v1/payin", key, JSON.stringify(body), uniqueId("idem"))).status).toBe(201);
    const dupKey = uniqueId("idem");
    const duplicate = await post(createPayinRoute, "/api/v1/payin", key, JSON.stringify(body), dupKey);
    expectErrorShape(duplicate, 409, "duplicate_merchant_order_id");
    const duplicateAgain = await post(createPayinRoute, "/api/v1/payin", key, JSON.stringify(body), dupKey);
    expect(duplicateAgain.status).toBe(409);
    expect(duplicateAgain.json).toEqual(duplicate.json);
  });

  it(`${PARALLEL} parallel POST /payin with one merchant_order_id and no key → one 201, the rest 409 duplicate`, async () => {
    const { store, key } = await storeWithApiKey();
    const merchantOrderId = uniqueId("mo");
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: 170_000 + i, merchant_order_id: merchantOrderId }) }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) expectErrorShape(response, 409, "duplicate_merchant_order_id");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("a retried cancel with the same key replays the success instead of 409 invalid_state", async () => {
    const { key } = await storeWithApiKey();
    const order = (await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: 180_000 }) })).json;
    const idempotencyKey = uniqueId("cancel");
    const cancel = () =>
      call(cancelPayinRoute, "POST", `/api/v1/payin/${order.id}/cancel`, { key, params: { id: order.id }, raw: "{}", headers: { "idempotency-key": idempotencyKey } });
    const first = await cancel();
    expect(first.status, first.text).toBe(200);
    const second = await cancel();
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
  });

  it("an order's key commits with it: a transaction that fails at its end leaves the key free, and a retry creates the order at once", async () => {
    const { store, key } = await storeWithApiKey();
    const idempotencyKey = uniqueId("crash");
    const raw = JSON.stringify(payinBody({ amount: 190_000 }));
    setTransactionFault(() => true); // the order's transaction fails just before COMMIT, as if the process died there
    try {
      const failed = await post(createPayinRoute, "/api/v1/payin", key, raw, idempotencyKey);
      expect(failed.status).toBe(500);
    } finally {
      setTransactionFault(null);
    }
    expect(await prisma.idempotencyKey.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(0);

    const retried = await post(createPayinRoute, "/api/v1/payin", key, raw, idempotencyKey);
    expect(retried.status, retried.text).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    const stored = await prisma.idempotencyKey.findUniqueOrThrow({ where: { storeId_key: { storeId: store.id, key: idempotencyKey } } });
    // Stored by the order's own transaction: the key points at the order, with the answer as sent.
    expect(stored.orderId).toBe(retried.json.id);
    expect(stored.responseStatus).toBe(201);
    expect(stored.responseBody).toBe(retried.text);
  });

  it("a request whose key is held by a running transaction waits on it, then replays the answer it stored", async () => {
    const { store, key } = await storeWithApiKey();
    const idempotencyKey = uniqueId("held");
    const raw = JSON.stringify(payinBody({ amount: 195_000 }));
    const hash = requestHash("POST", "/api/v1/payin", raw);
    let request: Promise<ApiResponse> | undefined;
    let settledWhileHeld = false;
    // Another request's transaction holds the key (uncommitted) while this one arrives.
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO idempotency_keys (store_id, key, request_hash, response_status, response_body, completed_at)
                           VALUES (${store.id}, ${idempotencyKey}, ${hash}, 201, to_jsonb('{"held":true}'::text), now())`;
      request = post(createPayinRoute, "/api/v1/payin", key, raw, idempotencyKey);
      void request.then(() => (settledWhileHeld = true));
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    expect(settledWhileHeld).toBe(false);
    const replayed = await request!;
    expect(replayed.status).toBe(201);
    expect(replayed.text).toBe('{"held":true}');
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(0);
  });
});
