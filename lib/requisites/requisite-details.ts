/** The card, phone or account number and the holder kept in req_trader.details. */
export interface RequisiteDetails {
  number: string;
  holder: string | null;
}

/** req_trader.details as stored ({"number": "2200…", "holder": "IVAN P."}); tolerant of older rows. */
export function readRequisiteDetails(details: unknown): RequisiteDetails {
  const record = details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  return {
    number: typeof record.number === "string" ? record.number : "",
    holder: typeof record.holder === "string" ? record.holder : null,
  };
}

/**
 * Lists show only the last four characters: enough for the trader to tell their cards apart,
 * while a screenshot of the cabinet or a shoulder-surfer does not get the whole number.
 */
export function maskRequisiteNumber(number: string): string {
  const compact = number.replace(/\s+/g, "");
  if (!compact) return "—";
  return compact.length > 4 ? `•••• ${compact.slice(-4)}` : "••••";
}
