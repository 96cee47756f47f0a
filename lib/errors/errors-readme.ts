import { readmeSection } from "@/lib/format/readme-section";
import { ERRORS, type ErrorCode } from "./catalogue";

const cell = (text: string) => text.replaceAll("|", "\\|");

/** The catalogue as a Markdown table, by HTTP status, then in catalogue order. */
export function errorsMarkdown(): string {
  const codes = (Object.keys(ERRORS) as ErrorCode[]).map((code, index) => ({ code, index, ...ERRORS[code] }));
  codes.sort((a, b) => a.status - b.status || a.index - b.index);
  return [
    "| code | HTTP | type | what happened / what to do |",
    "|---|---|---|---|",
    ...codes.map(({ code, status, kind, sentence }) => `| \`${code}\` | ${status} | ${kind} | ${cell(sentence)} |`),
  ].join("\n");
}

/** The README's "Errors" table, generated from the catalogue. */
export const errorsReadme = () => readmeSection("errors", { source: "lib/errors/catalogue.ts", command: "npm run docs", markdown: errorsMarkdown() });
