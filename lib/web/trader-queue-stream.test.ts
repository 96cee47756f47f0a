import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createOrderListener, type OrderListener } from "@/lib/realtime/order-listener";
import { createPayinOrder, createRequisite, createStore, createTrader, ensureCurrencies, type CurrencyRow } from "@/lib/testing";
import { EVENT_STREAM_HEADERS, traderQueueStream, tradersWithOpenStream } from "./trader-queue-stream";

let currencies: { RUB: CurrencyRow; USDT: CurrencyRow };
let listener: OrderListener;
beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
});
afterEach(async () => {
  await listener?.close();
});

/** Reads the stream's text until `pattern` shows up. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp, state: { text: string }, timeoutMs = 5_000) {
  const decoder = new TextDecoder();
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(state.text)) {
    const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${pattern} in ${JSON.stringify(state.text)}`)), deadline - Date.now()))]);
    if (chunk.done) throw new Error(`stream ended before ${pattern}: ${JSON.stringify(state.text)}`);
    state.text += decoder.decode(chunk.value, { stream: true });
  }
  return state.text;
}

describe("the trader's queue stream", () => {
  it("sends ready, then the id and status of the trader's changed order; marks the trader seen and present; lets go on abort", async () => {
    listener = createOrderListener({ connectionString: process.env.DATABASE_URL! });
    const store = await createStore(prisma);
    const trader = await createTrader(prisma);
    const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
    const abort = new AbortController();
    const response = traderQueueStream(trader.id, abort.signal, listener);
    expect(Object.fromEntries(response.headers)).toMatchObject(EVENT_STREAM_HEADERS);
    const reader = response.body!.getReader();
    const state = { text: "" };
    await readUntil(reader, /event: ready\n/, state);
    expect(state.text).toMatch(/^retry: \d+\n: connected\n\n/);
    await expect.poll(async () => (await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } })).lastSeenAt).not.toBeNull();

    const order = await createPayinOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount: 100_000n });
    // An offer of the order to this trader (as if it were a payout being offered): their queue shows it.
    await prisma.incomingOrder.update({ where: { id: order.id }, data: { offeredTraderId: trader.id, offeredRequisiteId: requisite.id, offerExpiresAt: new Date(Date.now() + 60_000) } });
    await readUntil(reader, /event: order\n/, state);
    expect(state.text).toContain(`event: order\ndata: ${JSON.stringify({ id: order.id, status: "created" })}\n\n`);

    expect(listener.subscriberCount).toBe(1);
    expect(tradersWithOpenStream()).toEqual([trader.id]);
    abort.abort();
    expect(listener.subscriberCount).toBe(0);
    expect(tradersWithOpenStream()).toEqual([]);
    expect((await reader.read()).done).toBe(true);
  });
});
