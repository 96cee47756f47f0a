/** A position in a list sorted by (created_at, id): the last row of one page. */
export interface OrderCursor {
  createdAt: Date;
  id: string;
}

const ORDER_ID = /^p[io]_[0-9A-Za-z]{1,40}$/;

/** An opaque, URL-safe cursor: "<created_at in ms, base 36>.<order id>". */
export function encodeOrderCursor(cursor: OrderCursor): string {
  return `${cursor.createdAt.getTime().toString(36)}.${cursor.id}`;
}

/** The cursor in `text`, or null when it is not one (a hand-edited URL). */
export function decodeOrderCursor(text: string): OrderCursor | null {
  const dot = text.indexOf(".");
  if (dot <= 0) return null;
  const ms = parseInt(text.slice(0, dot), 36);
  const id = text.slice(dot + 1);
  if (!Number.isSafeInteger(ms) || ms < 0 || !ORDER_ID.test(id) || ms.toString(36) !== text.slice(0, dot)) return null;
  return { createdAt: new Date(ms), id };
}
