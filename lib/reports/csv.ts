import type { Locale } from "@/lib/i18n/config";

/**
 * CSV as Excel and every other reader expect it (RFC 4180): UTF-8 with a byte order mark
 * (without it Excel reads UTF-8 as the local code page and Cyrillic turns into mojibake),
 * CRLF line ends, and fields quoted when they hold the separator, a quote, a line break or
 * edge spaces, with quotes doubled.
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

/** How a spreadsheet in the reader's locale splits a line into cells and reads a decimal. */
export interface CsvDialect {
  separator: "," | ";";
  decimalMark: "." | ",";
}

/**
 * Excel opens a .csv with the system's list separator and decimal mark: in a Russian locale
 * those are ";" and ",", so a comma-separated file lands in one column and "1500.50" is read as
 * text or a date. The export follows the reader's cabinet language.
 */
export const CSV_DIALECTS: Record<Locale, CsvDialect> = {
  en: { separator: ",", decimalMark: "." },
  ru: { separator: ";", decimalMark: "," },
};

function csvField(value: string | null, separator: string): string {
  if (value === null) return "";
  const quote = /["\r\n]|^\s|\s$/.test(value) || value.includes(separator);
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record, CRLF-terminated. null is an empty field. */
export function csvLine(fields: readonly (string | null)[], dialect: CsvDialect = CSV_DIALECTS.en): string {
  return `${fields.map((field) => csvField(field, dialect.separator)).join(dialect.separator)}\r\n`;
}

/** A decimal we wrote ("1234.05") with the dialect's decimal mark. */
export function csvDecimal(decimal: string, dialect: CsvDialect): string {
  return dialect.decimalMark === "." ? decimal : decimal.replace(".", dialect.decimalMark);
}
