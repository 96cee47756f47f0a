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

/** An id cursor ("123") as a number, or undefined when it is not one. */
export function idCursor(cursor: string | undefined): number | undefined {
  return cursor && /^\d{1,9}$/.test(cursor) ? Number(cursor) : undefined;
}
