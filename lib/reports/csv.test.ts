import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayinOrder, createStore, createUser, ensureCurrencies, type CurrencyRow } from "@/lib/testing";
import { CSV_BOM, CSV_DIALECTS, csvLine, neutralizeFormula } from "./csv";
import { merchantOrdersCsv } from "./export-orders-csv";

let rub: CurrencyRow;
let usdt: CurrencyRow;
beforeAll(async () => {
  ({ RUB: rub, USDT: usdt } = await ensureCurrencies(prisma));
});

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

/** A minimal RFC 4180 reader (with the dialect's separator), to check that what we write reads back to the same values. */
function parseCsv(text: string, separator = ","): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += c;
  }
  return records;
}

describe("csvLine", () => {
  it("quotes only when needed, doubles quotes, ends with CRLF and keeps Cyrillic as is", () => {
    expect(csvLine(["a", "b c", null, ""])).toBe("a,b c,,\r\n");
    expect(csvLine(['say "hi"', "x,y", "line\nbreak", "cr\rlf", " edge "])).toBe('"say ""hi""","x,y","line\nbreak","cr\rlf"," edge "\r\n');
    expect(csvLine(["Покупатель Иванов", "заказ №1"])).toBe("Покупатель Иванов,заказ №1\r\n");
    const tricky = ["a\"b", "c,d\r\ne", "Ёлка, \"ёж\"", ""];
    expect(parseCsv(csvLine(tricky))).toEqual([tricky]);
  });

  it("writes the Russian Excel dialect: semicolons, quoting fields that hold one", () => {
    const ru = CSV_DIALECTS.ru;
    expect(csvLine(["a,b", "c;d", "Ёлка"], ru)).toBe('a,b;"c;d";Ёлка\r\n');
    const tricky = ["x;y", "1234,05", 'say "hi"'];
    expect(parseCsv(csvLine(tricky, ru), ";")).toEqual([tricky]);
  });

  it("defuses spreadsheet formulas in text from others", () => {
    expect(neutralizeFormula("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(neutralizeFormula("+7 999")).toBe("'+7 999");
    expect(neutralizeFormula("@cmd")).toBe("'@cmd");
    expect(neutralizeFormula("cust-1")).toBe("cust-1");
  });
});

describe("merchantOrdersCsv", () => {
  it("streams BOM, header and one CRLF row per order in keyset batches, amounts as exact decimals", async () => {
    const user = await createUser(prisma, { role: "merchant" });
    const store = await createStore(prisma, { userId: user.id, name: "Магазин \"Ромашка\", Москва" });
    const same = new Date("2025-07-01T09:00:00.000Z");
    const created: { id: string }[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 123_405n + BigInt(i), createdAt: same, customerId: `Иван Петров ${i}`, merchantOrderId: i === 0 ? "=SUM(A1)" : `заказ-${i}` }));
    }
    const other = await createStore(prisma);
    await createPayinOrder(prisma, { store: other, fiat: rub, crypto: usdt, amount: 1n, createdAt: same });

    const chunks = await collect(merchantOrdersCsv(user.id, {}, { batchSize: 2 }));
    // Header, then batches of 2, 2 and 1.
    expect(chunks).toHaveLength(4);
    const text = chunks.join("");
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(["id", "merchant_order_id", "type", "status", "store_id", "store", "customer_id", "amount", "currency", "crypto_amount", "rate", "failure_reason", "created_at", "completed_at"]);
    expect(rows).toHaveLength(6);
    const expectedIds = created.map((o) => o.id).sort().reverse();
    expect(rows.slice(1).map((r) => r[0])).toEqual(expectedIds);
    const first = rows.find((r) => r[0] === created[0].id)!;
    expect(first).toEqual([
      created[0].id,
      "'=SUM(A1)",
      "payin",
      "created",
      String(store.id),
      "Магазин \"Ромашка\", Москва",
      "Иван Петров 0",
      "1234.05",
      "RUB",
      "",
      "",
      "",
      "2025-07-01T09:00:00.000Z",
      "",
    ]);
  });

  it("in Russian: semicolon-separated with decimal commas, values otherwise the same", async () => {
    const user = await createUser(prisma, { role: "merchant" });
    const store = await createStore(prisma, { userId: user.id, name: "Магазин; филиал" });
    const order = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 150_050n, customerId: "Пётр", merchantOrderId: "заказ-1" });
    const text = (await collect(merchantOrdersCsv(user.id, {}, { dialect: CSV_DIALECTS.ru }))).join("");
    const rows = parseCsv(text.slice(1), ";");
    expect(rows[0][0]).toBe("id");
    expect(rows[0]).toHaveLength(14);
    expect(rows[1].slice(0, 9)).toEqual([order.id, "заказ-1", "payin", "created", String(store.id), "Магазин; филиал", "Пётр", "1500,50", "RUB"]);
  });

  it("gives another merchant's store only the header", async () => {
    const user = await createUser(prisma, { role: "merchant" });
    const foreign = await createStore(prisma);
    await createPayinOrder(prisma, { store: foreign, fiat: rub, crypto: usdt, amount: 100n });
    const text = (await collect(merchantOrdersCsv(user.id, { storeId: foreign.id }))).join("");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
