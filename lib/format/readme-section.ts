/**
 * A README block generated from code (the lifecycle table, the error catalogue), between an
 * HTML-comment start marker naming its source and the command that writes it, and an end marker.
 */
export interface ReadmeSection {
  /** The block as the README holds it, markers included. */
  block: string;
  /** `readme` with this block in place of the old one; throws when the markers are missing. */
  replaceIn(readme: string): string;
}

export function readmeSection(name: string, { source, command, markdown }: { source: string; command: string; markdown: string }): ReadmeSection {
  const start = `<!-- ${name}:start (generated from ${source} by ${command}) -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown}\n${end}`;
  return {
    block,
    replaceIn(readme) {
      const from = readme.indexOf(start);
      const to = readme.indexOf(end);
      if (from < 0 || to < from) throw new Error(`README.md has no ${name} markers`);
      return readme.slice(0, from) + block + readme.slice(to + end.length);
    },
  };
}
