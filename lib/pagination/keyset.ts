// Keyset pagination, the one way every list pages: a page is the rows after a cursor (the last
// row shown), never an offset, so page 1000 costs what page 1 does.

/** One page of a keyset-paginated list: its rows and the cursor of the next page (null on the last). */
export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

/** Page sizes are clamped: a URL cannot ask for the whole table. */
export function clampLimit(limit: number | undefined, fallback = 50, max = 200): number {
  return Math.min(Math.max(Math.trunc(limit ?? fallback) || fallback, 1), max);
}

/**
 * A page from `rows` fetched with `take: limit + 1`: the extra row only tells that another
 * page exists; the cursor is that of the last row shown.
 */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const shown = rows.slice(0, limit);
  return { rows: shown, nextCursor: rows.length > limit ? cursorOf(shown[shown.length - 1]) : null };
}

/** An id cursor ("123") for lists sorted by an int id, as a number; undefined when it is not one. */
export function idCursor(cursor: string | undefined): number | undefined {
  return cursor && /^\d{1,9}$/.test(cursor) ? Number(cursor) : undefined;
}

/** A position in a list sorted by (time, id): the last row of a page. */
export interface TimeCursor<Id> {
  at: Date;
  id: Id;
}

/** How a list's ids read back from a cursor. */
const ID_FORMS = {
  /** incoming_orders.id: "pi_…" / "po_…" (ASCII, so every collation sorts it by code point). */
  order: { pattern: /^p[io]_[0-9A-Za-z]{1,40}$/, parse: (text: string) => text },
  /** A bigint primary key (order_history, audit_logs). */
  bigint: { pattern: /^\d{1,19}$/, parse: (text: string) => BigInt(text) },
  /** An int primary key. */
  int: { pattern: /^\d{1,9}$/, parse: (text: string) => Number(text) },
};

type IdForm = keyof typeof ID_FORMS;
type IdOf<F extends IdForm> = ReturnType<(typeof ID_FORMS)[F]["parse"]>;

/** An opaque, URL-safe cursor: "<time in ms, base 36>.<id>". */
export function encodeTimeCursor(cursor: TimeCursor<string | bigint | number>): string {
  return `${cursor.at.getTime().toString(36)}.${cursor.id}`;
}

/** The cursor in `text`, or null when it is not one of `form` (a hand-edited URL reads the first page). */
export function decodeTimeCursor<F extends IdForm>(text: string | null | undefined, form: F): TimeCursor<IdOf<F>> | null {
  if (!text) return null;
  const dot = text.indexOf(".");
  if (dot <= 0 || dot > 11) return null;
  const time = text.slice(0, dot);
  const ms = parseInt(time, 36);
  const id = text.slice(dot + 1);
  if (!Number.isSafeInteger(ms) || ms < 0 || ms.toString(36) !== time || !ID_FORMS[form].pattern.test(id)) return null;
  return { at: new Date(ms), id: ID_FORMS[form].parse(id) as IdOf<F> };
}

/**
 * The Prisma condition for rows strictly beyond `cursor` in a list sorted by (`timeField`, id),
 * newest first unless `oldestFirst`. The plain bound on the time column is what lets
 * PostgreSQL start the index scan at the cursor instead of filtering every row before it away
 * (the OR alone is not an index condition); the OR then breaks ties on id.
 */
export function beyondTimeCursor<Field extends string, Id>(
  cursor: TimeCursor<Id>,
  timeField: Field,
  oldestFirst = false,
): { [K in Field]: { lte: Date } | { gte: Date } } & { OR: [{ [K in Field]: { lt: Date } | { gt: Date } }, { id: { lt: Id } | { gt: Id } }] } {
  const op = oldestFirst ? "gt" : "lt";
  const bound = oldestFirst ? "gte" : "lte";
  return {
    [timeField]: { [bound]: cursor.at },
    OR: [{ [timeField]: { [op]: cursor.at } }, { id: { [op]: cursor.id } }],
  } as never;
}
