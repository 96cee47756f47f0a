import { formatDateTime } from "@/lib/format/date";
import { button, emailDocument, paragraph, table, textDocument } from "../layout";
import type { RenderedEmail } from "./types";

export interface CallbacksFailingData {
  storeName: string;
  callbackUrl: string | null;
  /** Failed attempts since the store's last successful callback. */
  failedAttempts: number;
  /** Callbacks given up on (status failed). */
  failedDeliveries: number;
  lastError: string | null;
  lastFailureAt: Date;
  cabinetUrl: string;
}

export function renderCallbacksFailing(data: CallbacksFailingData): RenderedEmail {
  const title = `Callbacks to "${data.storeName}" are failing`;
  const intro = "JivaPay cannot deliver status callbacks to your store's server. Orders keep working, but your shop does not learn about payments until the callbacks get through.";
  const rows = [
    ["Callback URL", data.callbackUrl ?? "not set"],
    ["Failed attempts since the last success", String(data.failedAttempts)],
    ["Callbacks given up", String(data.failedDeliveries)],
    ["Last failure", formatDateTime(data.lastFailureAt)],
    ["Last error", data.lastError ?? "—"],
  ];
  const advice = "Check that the URL answers HTTP 2xx within 10 seconds and verifies the Standard Webhooks signature. Failed callbacks can be resent from the order page.";
  const footer = "You receive at most one of these alerts per store per day while the problem lasts.";
  return {
    subject: `Callbacks to ${data.storeName} are failing`,
    html: emailDocument({ title, blocks: [paragraph(intro), table({ rows }), paragraph(advice), button("Open the merchant cabinet", data.cabinetUrl)], footer }),
    text: textDocument({ title, lines: [intro, "", ...rows.map(([label, value]) => `${label}: ${value}`), "", advice, "", `Merchant cabinet: ${data.cabinetUrl}`], footer }),
  };
}
