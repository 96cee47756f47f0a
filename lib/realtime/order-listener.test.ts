import { afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import net from "node:net";
import { prisma } from "@/lib/db/client";
import { postMovements } from "@/lib/ledger/post-movements";
import { runWithRequestContext } from "@/lib/observability/request-context";
import { captureLogs } from "@/lib/testing/capture-logs";
import { createPayinOrder, createRequisite, createStore, createTrader, ensureCurrencies, matchPayinOrder, type CurrencyRow } from "@/lib/testing";
import { createOrderListener, type Audience, type OrderListener, type OrderListenerOptions, type OrderSignal } from "./order-listener";

let currencies: { RUB: CurrencyRow; USDT: CurrencyRow };
beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
});

const listeners: OrderListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

function newListener(options: Partial<OrderListenerOptions> = {}) {
  const listener = createOrderListener({ connectionString: process.env.DATABASE_URL!, backoffMs: { min: 20, max: 200 }, ...options });
  listeners.push(listener);
  return listener;
}

/** Subscribes and records every signal; `next(kind)` waits for the next signal of that kind. */
function record(listener: OrderListener, audience: Audience) {
  const signals: OrderSignal[] = [];
  let seen = 0;
  const waiters: (() => void)[] = [];
  const unsubscribe = listener.subscribe(audience, (signal) => {
    signals.push(signal);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async <K extends OrderSignal["kind"]>(kind: K, timeoutMs = 5_000): Promise<Extract<OrderSignal, { kind: K }>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (seen < signals.length) {
        const signal = signals[seen++];
        if (signal.kind === kind) return signal as Extract<OrderSignal, { kind: K }>;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${kind} signal within ${timeoutMs} ms; got ${JSON.stringify(signals)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  };
  return { signals, next, unsubscribe };
}

/**
 * A TCP proxy in front of PostgreSQL, standing for the network: `refuse` drops new connections,
 * `cut()` resets the open ones, `blackhole()` keeps them open but lets nothing through.
 */
async function tcpProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const silenced = new Set<net.Socket>();
  const proxy = { refuse: false, refused: 0, url: "", cut: () => {}, blackhole: () => {}, close: async () => {} };
  const server = net.createServer((client) => {
    if (proxy.refuse) {
      proxy.refused += 1;
      return client.destroy();
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).on("close", () => client.destroy());
    upstream.pipe(client).on("close", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  proxy.url = url.toString();
  proxy.cut = () => sockets.forEach((socket) => socket.resetAndDestroy());
  proxy.blackhole = () => {
    // Open sockets stop passing bytes (and are dropped later, unnoticed); new connections pass.
    for (const socket of sockets) {
      socket.unpipe();
      socket.removeAllListeners("data");
      socket.pause();
      sockets.delete(socket);
      silenced.add(socket);
    }
  };
  proxy.close = () => {
    [...sockets, ...silenced].forEach((socket) => socket.destroy());
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}

/** A trader with a deposit and a requisite, and a store. */
async function world() {
  const store = await createStore(prisma);
  const trader = await createTrader(prisma);
  await prisma.$transaction((tx) =>
    postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 10n ** 12n, reason: "deposit_credit" }]),
  );
  const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
  const newPayin = () => createPayinOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount: 150_000n });
  const match = (order: Awaited<ReturnType<typeof newPayin>>) => matchPayinOrder(prisma, order, { requisite: { id: requisite.id, traderId: trader.id }, traderReward: "0.02", rate: "92.5" });
  return { store, trader, requisite, newPayin, match };
}

/** The listener's own backend in this test's database. */
async function listenerBackends(): Promise<number[]> {
  const rows = await prisma.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jivapay-order-listener'`,
  );
  return rows.map((row) => row.pid);
}

describe("the order listener", () => {
  it("hears a matched pay-in from the trigger, for its trader and for everyone, and not for another trader", async () => {
    const { store, trader, newPayin, match } = await world();
    const other = await createTrader(prisma);
    const listener = newListener();
    const mine = record(listener, trader.id);
    const theirs = record(listener, other.id);
    const everyone = record(listener, "all");
    await mine.next("ready");

    const order = await newPayin(); // created, no trader: no queue shows it yet
    await match(order);
    const { order: event } = await mine.next("order");
    expect(event).toEqual({
      id: order.id,
      type: "payin",
      status: "awaiting_payment",
      storeId: store.id,
      traderId: trader.id,
      offeredTraderId: null,
      previousTraderId: null,
      previousOfferedTraderId: null,
    });
    expect((await everyone.next("order")).order.id).toBe(order.id);
    expect(theirs.signals.filter((signal) => signal.kind === "order")).toEqual([]);
  });

  it("stays quiet on changes no queue shows and on rolled-back changes", async () => {
    const { trader, newPayin, match } = await world();
    const order = await match(await newPayin());
    const listener = newListener();
    const mine = record(listener, trader.id);
    await mine.next("ready");

    // Retry bookkeeping and timestamps only: no notification.
    await prisma.incomingOrder.update({ where: { id: order.id }, data: { retryCount: 3, lastAttemptAt: new Date(), nextMatchAt: new Date() } });
    // A status change that is rolled back: no notification either.
    await prisma
      .$transaction(async (tx) => {
        await tx.incomingOrder.update({ where: { id: order.id }, data: { status: "paid", paidAt: new Date() } });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    // Notifications arrive in commit order, so the first one heard must be this change.
    await prisma.incomingOrder.update({ where: { id: order.id }, data: { status: "paid", paidAt: new Date() } });
    expect((await mine.next("order")).order).toMatchObject({ id: order.id, status: "paid" });
    expect(mine.signals.filter((signal) => signal.kind === "order")).toHaveLength(1);
  });

  it("tells the previous trader when an order moves to another trader", async () => {
    const { trader, newPayin, match } = await world();
    const order = await match(await newPayin());
    const next = await createTrader(prisma);
    const nextRequisite = await createRequisite(prisma, { traderId: next.id, currencyId: currencies.RUB.id });
    const listener = newListener();
    const before = record(listener, trader.id);
    const after = record(listener, next.id);
    await before.next("ready");

    await prisma.incomingOrder.update({ where: { id: order.id }, data: { traderId: next.id, requisiteId: nextRequisite.id } });
    expect((await before.next("order")).order).toMatchObject({ id: order.id, traderId: next.id, previousTraderId: trader.id });
    expect((await after.next("order")).order).toMatchObject({ id: order.id, traderId: next.id });
  });

  it("says lost and ready again around a dropped connection, and hears changes after it; its log lines are not the first subscriber's request's", async () => {
    const { trader, newPayin, match } = await world();
    const listener = newListener();
    const logs = captureLogs();
    onTestFinished(() => logs.restore());
    // Subscribed while serving a request, as the SSE route does.
    const mine = runWithRequestContext({ requestId: "req-first-subscriber", route: "/test" }, () => record(listener, trader.id));
    await mine.next("ready");
    const [pid] = await listenerBackends();
    expect(pid).toBeTypeOf("number");

    await prisma.$queryRawUnsafe(`SELECT pg_terminate_backend($1)`, pid);
    await mine.next("lost");
    expect(listener.live).toBe(false);
    await mine.next("ready");
    expect(listener.live).toBe(true);
    const lost = logs.records().find((line) => line.msg === "order listener lost its database connection");
    expect(lost).toBeDefined();
    expect(lost).not.toHaveProperty("request_id");
    const [restored] = await listenerBackends();
    expect(restored).not.toBe(pid);

    const order = await match(await newPayin());
    expect((await mine.next("order")).order).toMatchObject({ id: order.id, status: "awaiting_payment" });
  });

  it("keeps retrying while the network refuses, then recovers; notices a connection that went silent", async () => {
    const { trader, newPayin, match } = await world();
    const proxy = await tcpProxy(new URL(process.env.DATABASE_URL!));
    try {
      const listener = newListener({ connectionString: proxy.url, pingMs: 100, pingTimeoutMs: 300 });
      const mine = record(listener, trader.id);
      await mine.next("ready");

      // The network goes down: connections cut, new ones refused.
      proxy.refuse = true;
      proxy.cut();
      await mine.next("lost");
      await new Promise((resolve) => setTimeout(resolve, 600)); // several failed attempts at 20–200 ms
      expect(listener.live).toBe(false);
      expect(proxy.refused).toBeGreaterThan(1);
      proxy.refuse = false;
      await mine.next("ready");
      let order = await match(await newPayin());
      expect((await mine.next("order")).order.id).toBe(order.id);

      // The connection stays open but nothing comes through (a dead peer, no RST): the ping notices.
      proxy.blackhole();
      await mine.next("lost", 3_000);
      await mine.next("ready");
      order = await match(await newPayin());
      expect((await mine.next("order")).order.id).toBe(order.id);
    } finally {
      await proxy.close();
    }
  });

  it("connects on the first subscriber, says ready to a late one, and closes when no one is left", async () => {
    const { trader } = await world();
    const listener = newListener({ idleCloseMs: 100 });
    expect(await listenerBackends()).toEqual([]);
    const first = record(listener, trader.id);
    await first.next("ready");
    const late = record(listener, trader.id);
    await late.next("ready");
    expect(await listenerBackends()).toHaveLength(1);

    first.unsubscribe();
    late.unsubscribe();
    expect(listener.subscriberCount).toBe(0);
    await expect.poll(listenerBackends, { timeout: 5_000 }).toEqual([]);
    expect(listener.live).toBe(false);

    const again = record(listener, trader.id);
    await again.next("ready");
    expect(await listenerBackends()).toHaveLength(1);
  });
});
