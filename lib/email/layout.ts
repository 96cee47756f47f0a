/**
 * The frame every email shares. Email clients ignore stylesheets and most CSS, so the HTML is
 * one narrow column with inline styles only (a table only for figures); every template also
 * has a plain-text part.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content or attribute values; every dynamic value passes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function paragraph(text: string): string {
  return `<p style="margin:0 0 16px;font-size:15px;line-height:24px;color:#1f2937">${escapeHtml(text)}</p>`;
}

export function button(label: string, url: string): string {
  return (
    `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;` +
    `background:#111827;color:#ffffff;font-size:15px;font-weight:600;text-decoration:none">${escapeHtml(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#6b7280">If the button does not work, open this address: ` +
    `<a href="${escapeHtml(url)}" style="color:#374151;word-break:break-all">${escapeHtml(url)}</a></p>`
  );
}

/** A small table: the first column left-aligned (labels), the others right-aligned (numbers). */
export function table(input: { header?: string[]; rows: string[][] }): string {
  const cell = (value: string, index: number, header: boolean) => {
    const tag = header ? "th" : "td";
    const tone = header ? "color:#6b7280;font-weight:600" : "color:#1f2937";
    return `<${tag} style="padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px;text-align:${index === 0 ? "left" : "right"};${tone}">${escapeHtml(value)}</${tag}>`;
  };
  const row = (values: string[], header: boolean) => `<tr>${values.map((value, i) => cell(value, i, header)).join("")}</tr>`;
  const head = input.header ? row(input.header, true) : "";
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 16px">${head}${input.rows.map((r) => row(r, false)).join("")}</table>`;
}

/** The whole document: brand line, heading, the template's blocks, a footer saying why it came. */
export function emailDocument(input: { title: string; blocks: string[]; footer: string }): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(input.title)}</title></head>` +
    `<body style="margin:0;padding:24px 12px;background:#f3f4f6;${FONT}">` +
    `<div style="max-width:560px;margin:0 auto;padding:32px 28px;border-radius:10px;background:#ffffff">` +
    `<p style="margin:0 0 24px;font-size:16px;font-weight:700;color:#111827">JivaPay</p>` +
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:28px;color:#111827">${escapeHtml(input.title)}</h1>` +
    input.blocks.join("") +
    `<p style="margin:24px 0 0;font-size:12px;line-height:18px;color:#9ca3af">${escapeHtml(input.footer)}</p>` +
    `</div></body></html>`
  );
}

/** Plain-text counterpart: the same content as lines. */
export function textDocument(input: { title: string; lines: string[]; footer: string }): string {
  return [`JivaPay — ${input.title}`, "", ...input.lines, "", "—", input.footer, ""].join("\n");
}
