import { formatMinor } from "@/lib/format/money";
import { button, emailDocument, paragraph, table, textDocument } from "../layout";
import type { RenderedEmail } from "./types";

export interface DailySummaryRow {
  type: "payin" | "payout";
  currency: string;
  exponent: number;
  /** Orders created that day. */
  created: number;
  /** Of those, how many are completed now (the conversion numerator). */
  createdAndCompleted: number;
  /** Orders completed that day, whenever they were created. */
  completed: number;
  /** Sum of the amounts completed that day, in the currency's minor units. */
  turnover: bigint;
}

export interface DailySummaryData {
  name: string | null;
  /** The UTC day summarised, YYYY-MM-DD. */
  day: string;
  rows: DailySummaryRow[];
  cabinetUrl: string;
}

/** "83.3%": completed out of created, to one decimal, rounded half up in integers. */
export function conversionPercent(completed: number, created: number): string {
  if (created === 0) return "—";
  const tenths = Math.floor((completed * 1000 + Math.floor(created / 2)) / created);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

const TYPE_LABELS = { payin: "Pay-ins", payout: "Payouts" } as const;

export function renderDailySummary(data: DailySummaryData): RenderedEmail {
  const title = `Your day at JivaPay: ${data.day}`;
  const greeting = data.name ? `Hello ${data.name},` : "Hello,";
  const header = ["", "Created", "Completed", "Conversion", "Turnover"];
  const rows = data.rows.map((row) => [
    `${TYPE_LABELS[row.type]} ${row.currency}`,
    String(row.created),
    String(row.completed),
    conversionPercent(row.createdAndCompleted, row.created),
    formatMinor(row.turnover, row.exponent, row.currency),
  ]);
  const intro = rows.length ? `Your stores' numbers for ${data.day} (UTC):` : `Your stores had no orders on ${data.day} (UTC).`;
  const note = "Conversion: orders created that day that are completed now. Turnover: amounts of orders completed that day.";
  const footer = "You receive this summary because daily summaries are switched on for your merchant account.";
  return {
    subject: `JivaPay daily summary for ${data.day}`,
    html: emailDocument({
      title,
      blocks: [paragraph(greeting), paragraph(intro), ...(rows.length ? [table({ header, rows }), paragraph(note)] : []), button("Open the merchant cabinet", data.cabinetUrl)],
      footer,
    }),
    text: textDocument({
      title,
      lines: [
        greeting,
        "",
        intro,
        ...rows.map(([label, created, completed, conversion, turnover]) => `- ${label}: created ${created}, completed ${completed}, conversion ${conversion}, turnover ${turnover}`),
        ...(rows.length ? ["", note] : []),
        "",
        `Merchant cabinet: ${data.cabinetUrl}`,
      ],
      footer,
    }),
  };
}
