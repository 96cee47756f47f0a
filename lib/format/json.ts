/**
 * A JSON value on one line with a space after each comma and colon, so long arrays and
 * objects wrap between items in a table cell: ["a", "b"] and {"RUB": "92.50"}.
 */
export function formatJsonInline(value: unknown): string {
  const text = JSON.stringify(value, null, 1);
  if (text === undefined) return "null";
  // Pretty-printing puts each item on its own line; real newlines never occur inside JSON
  // strings (they are escaped), so joining the lines only touches the layout.
  return text.replace(/([[{])\n\s*/g, "$1").replace(/\n\s*([\]}])/g, "$1").replace(/\n\s*/g, " ");
}
