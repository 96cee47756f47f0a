// The baseline of `npm run bench`: the least a server can do for the pay-in path, written
// without anything of ours — Node's `http` and a `pg` pool on a schema of four small tables.
//   POST /payin          create+match in one transaction: insert the order, pick and lock a
//                        requisite with FOR UPDATE SKIP LOCKED (daily limit checked), count its
//                        use, a history row, the status → 201 with the order and the card.
//   POST /confirm/{id}   the trader's confirmation: lock the order, awaiting_payment → completed,
//                        move the amount between two balance rows, a history row → 200.
// BARE_DATABASE_URL, PORT and BARE_POOL_SIZE come from the environment. `--schema` creates the
// tables and requisites (BARE_REQUISITES) and exits.
import crypto from "node:crypto";
import http from "node:http";
import pg from "pg";

const url = process.env.BARE_DATABASE_URL;
if (!url) throw new Error("BARE_DATABASE_URL is not set");

if (process.argv.includes("--schema")) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const requisites = Number(process.env.BARE_REQUISITES ?? 1000);
  await client.query(`
    CREATE TABLE requisites (id serial PRIMARY KEY, trader_id int NOT NULL, card text NOT NULL, active boolean NOT NULL DEFAULT true,
                             daily_limit bigint NOT NULL, used_today bigint NOT NULL DEFAULT 0, last_used_at timestamptz);
    CREATE TABLE balances (trader_id int PRIMARY KEY, amount bigint NOT NULL);
    CREATE TABLE orders (id text PRIMARY KEY, store_id int NOT NULL, merchant_order_id text NOT NULL, amount bigint NOT NULL,
                         status text NOT NULL, requisite_id int, trader_id int, created_at timestamptz NOT NULL DEFAULT now(),
                         UNIQUE (store_id, merchant_order_id));
    CREATE INDEX orders_store_created ON orders (store_id, created_at DESC, id DESC);
    CREATE TABLE order_history (id bigserial PRIMARY KEY, order_id text NOT NULL, status text NOT NULL, at timestamptz NOT NULL DEFAULT now());
    INSERT INTO requisites (trader_id, card, daily_limit)
      SELECT (g - 1) / 5 + 1, lpad(g::text, 16, '2200'), 1000000000000000 FROM generate_series(1, ${requisites}) g;
    INSERT INTO balances (trader_id, amount) SELECT DISTINCT trader_id, 1000000000000000 FROM requisites;
    INSERT INTO balances (trader_id, amount) VALUES (0, 0);`);
  await client.end();
  process.exit(0);
}

// --history N: N finished orders (each with a history row) over the last 90 days, for the
// scenarios on a large history.
const historyArg = process.argv.indexOf("--history");
if (historyArg !== -1) {
  const orders = Number(process.argv[historyArg + 1]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO orders (id, store_id, merchant_order_id, amount, status, requisite_id, trader_id, created_at)
       SELECT 'h' || g, 1, 'history-' || g, 100000 + g % 900000, (ARRAY['completed', 'expired', 'cancelled'])[1 + g % 3],
              1 + g % $2::int, 1 + (g % $2::int) / 5, now() - interval '90 days' * (1 - g::float8 / $1)
       FROM generate_series(1, $1::int) g`,
    [orders, Number(process.env.BARE_REQUISITES ?? 1000)],
  );
  await client.query(`INSERT INTO order_history (order_id, status, at) SELECT id, status, created_at FROM orders WHERE id LIKE 'h%'`);
  await client.query("ANALYZE");
  await client.end();
  process.exit(0);
}

const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BARE_POOL_SIZE ?? 10) });

async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function createPayin(body: { amount: number; merchant_order_id: string }) {
  const id = `pi_${crypto.randomBytes(12).toString("hex")}`;
  return inTransaction(async (client) => {
    await client.query("INSERT INTO orders (id, store_id, merchant_order_id, amount, status) VALUES ($1, 1, $2, $3, 'created')", [id, body.merchant_order_id, body.amount]);
    const { rows } = await client.query<{ id: number; trader_id: number; card: string }>(
      `SELECT id, trader_id, card FROM requisites WHERE active AND used_today + $1 <= daily_limit
       ORDER BY last_used_at NULLS FIRST LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [body.amount],
    );
    const requisite = rows[0];
    if (!requisite) {
      await client.query("UPDATE orders SET status = 'failed' WHERE id = $1", [id]);
      return { id, status: "failed" };
    }
    await client.query("UPDATE requisites SET used_today = used_today + $2, last_used_at = now() WHERE id = $1", [requisite.id, body.amount]);
    await client.query("INSERT INTO order_history (order_id, status) VALUES ($1, 'awaiting_payment')", [id]);
    await client.query("UPDATE orders SET status = 'awaiting_payment', requisite_id = $2, trader_id = $3 WHERE id = $1", [id, requisite.id, requisite.trader_id]);
    return { id, status: "awaiting_payment", amount: body.amount, requisite: { number: requisite.card } };
  });
}

function confirm(id: string) {
  return inTransaction(async (client) => {
    const { rows } = await client.query<{ amount: string; trader_id: number }>(
      "UPDATE orders SET status = 'completed' WHERE id = $1 AND status = 'awaiting_payment' RETURNING amount, trader_id",
      [id],
    );
    if (!rows[0]) return null;
    await client.query("UPDATE balances SET amount = amount - $2 WHERE trader_id = $1", [rows[0].trader_id, rows[0].amount]);
    await client.query("UPDATE balances SET amount = amount + $1 WHERE trader_id = 0", [rows[0].amount]);
    await client.query("INSERT INTO order_history (order_id, status) VALUES ($1, 'completed')", [id]);
    return { id, status: "completed" };
  });
}

function send(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    try {
      if (request.method === "GET" && request.url === "/health") return send(response, 200, { status: "ok" });
      if (request.method === "GET" && request.url === "/orders") {
        const { rows } = await pool.query(
          "SELECT id, merchant_order_id, amount::text, status, created_at FROM orders WHERE store_id = 1 ORDER BY created_at DESC, id DESC LIMIT 51",
        );
        return send(response, 200, { object: "list", data: rows.slice(0, 50), has_more: rows.length > 50 });
      }
      if (request.method === "POST" && request.url === "/payin") {
        const order = await createPayin(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        return send(response, 201, order);
      }
      const match = request.method === "POST" && request.url?.match(/^\/confirm\/([\w-]+)$/);
      if (match) {
        const order = await confirm(match[1]);
        return order ? send(response, 200, order) : send(response, 409, { error: "invalid_state" });
      }
      send(response, 404, { error: "not_found" });
    } catch (error) {
      send(response, 500, { error: (error as Error).message });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3999), "127.0.0.1", () => console.log("bare server ready"));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
