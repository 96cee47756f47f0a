import { lifecycleMarkdown } from "./lifecycle";

export const LIFECYCLE_START = "<!-- lifecycle:start (generated from lib/orders/lifecycle.ts by npm run docs:lifecycle) -->";
export const LIFECYCLE_END = "<!-- lifecycle:end -->";

/** The generated block, markers included. */
export function lifecycleReadmeSection(): string {
  return `${LIFECYCLE_START}\n${lifecycleMarkdown()}\n${LIFECYCLE_END}`;
}

/** The README with its lifecycle block replaced; throws when the markers are missing. */
export function replaceLifecycleSection(readme: string, section: string): string {
  const start = readme.indexOf(LIFECYCLE_START);
  const end = readme.indexOf(LIFECYCLE_END);
  if (start < 0 || end < start) throw new Error("README.md has no lifecycle markers");
  return readme.slice(0, start) + section + readme.slice(end + LIFECYCLE_END.length);
}
