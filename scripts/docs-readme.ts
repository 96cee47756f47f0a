// npm run docs — writes the README's generated tables: "who may move an order" from
// lib/orders/lifecycle.ts (npm run docs:lifecycle) and "Errors" from lib/errors/catalogue.ts
// (npm run docs:errors), each between its markers. Name sections to write only those;
// `--check` exits 1 when README.md differs from its sources.
import fs from "node:fs";
import path from "node:path";
import { lifecycleReadme } from "../lib/orders/lifecycle-readme";
import { errorsReadme } from "../lib/errors/errors-readme";

const SECTIONS = {
  lifecycle: { table: "lifecycle table", source: "lib/orders/lifecycle.ts", update: (readme: string) => lifecycleReadme().replaceIn(readme) },
  errors: { table: "errors table", source: "lib/errors/catalogue.ts", update: (readme: string) => errorsReadme().replaceIn(readme) },
};
type Section = keyof typeof SECTIONS;

const args = process.argv.slice(2);
const check = args.includes("--check");
const named = args.filter((arg) => !arg.startsWith("--"));
const unknown = named.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(", ")}; the sections are ${Object.keys(SECTIONS).join(", ")}.`);
  process.exit(2);
}
const sections = (named.length ? named : Object.keys(SECTIONS)) as Section[];

const readmePath = path.resolve(import.meta.dirname, "..", "README.md");
let readme = fs.readFileSync(readmePath, "utf8");
let stale = false;
let changed = false;
for (const name of sections) {
  const { table, source, update } = SECTIONS[name];
  const updated = update(readme);
  if (updated === readme) {
    console.log(`README.md's ${table} matches ${source}.`);
    continue;
  }
  if (check) {
    console.error(`README.md's ${table} is out of date: run npm run docs:${name}`);
    stale = true;
  } else {
    readme = updated;
    changed = true;
    console.log(`README.md: ${table} updated from ${source}.`);
  }
}
if (stale) process.exit(1);
if (changed) fs.writeFileSync(readmePath, readme);
