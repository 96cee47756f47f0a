/** A position in the trader's history: the order_history row (time and id) of the last order shown. */
export interface HistoryCursor {
  at: Date;
  id: bigint;
}

/** An opaque, URL-safe cursor: "<processed_at in ms, base 36>.<order_history id>". */
export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return `${cursor.at.getTime().toString(36)}.${cursor.id.toString()}`;
}

/** The cursor in `text`, or null when it is not one (a hand-edited URL reads the first page). */
export function decodeHistoryCursor(text: string | null | undefined): HistoryCursor | null {
  const match = /^([0-9a-z]{1,11})\.(\d{1,19})$/.exec(text ?? "");
  if (!match) return null;
  const ms = parseInt(match[1], 36);
  if (!Number.isSafeInteger(ms)) return null;
  return { at: new Date(ms), id: BigInt(match[2]) };
}
