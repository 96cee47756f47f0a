/**
 * CSV as Excel and every other reader expect it (RFC 4180): UTF-8 with a byte order mark
 * (without it Excel reads UTF-8 as the local code page and Cyrillic turns into mojibake),
 * CRLF line ends, and fields quoted when they hold a comma, a quote, a line break or edge
 * spaces, with quotes doubled.
 */
export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/**
 * A cell that starts with =, +, -, @ (or a tab or CR) is run as a formula when the file is
 * opened in a spreadsheet ("CSV injection"). Text supplied by others (customer ids, merchant
 * order ids) gets a leading apostrophe, which spreadsheets show as plain text. Numbers are
 * written by us and never pass through here.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record, CRLF-terminated. null is an empty field. */
export function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
