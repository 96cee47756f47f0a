import { ERRORS, type ErrorCode } from "./catalogue";

export const ERRORS_START = "<!-- errors:start (generated from lib/errors/catalogue.ts by npm run docs) -->";
export const ERRORS_END = "<!-- errors:end -->";

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

/** The generated block, markers included. */
export function errorsReadmeSection(): string {
  return `${ERRORS_START}\n${errorsMarkdown()}\n${ERRORS_END}`;
}

/** The README with its errors block replaced; throws when the markers are missing. */
export function replaceErrorsSection(readme: string, section: string): string {
  const start = readme.indexOf(ERRORS_START);
  const end = readme.indexOf(ERRORS_END);
  if (start < 0 || end < start) throw new Error("README.md has no errors markers");
  return readme.slice(0, start) + section + readme.slice(end + ERRORS_END.length);
}
