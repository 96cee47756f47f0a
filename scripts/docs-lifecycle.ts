// npm run docs:lifecycle — writes the README's "who may move an order" table from the one in
// lib/orders/lifecycle.ts (between the lifecycle markers); `--check` exits 1 when they differ.
import fs from "node:fs";
import path from "node:path";
import { lifecycleReadmeSection, replaceLifecycleSection } from "../lib/orders/lifecycle-readme";

const readmePath = path.resolve(import.meta.dirname, "..", "README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const updated = replaceLifecycleSection(readme, lifecycleReadmeSection());
if (process.argv.includes("--check")) {
  if (updated !== readme) {
    console.error("README.md's lifecycle table is out of date: run npm run docs:lifecycle");
    process.exit(1);
  }
  console.log("README.md's lifecycle table matches lib/orders/lifecycle.ts.");
} else if (updated !== readme) {
  fs.writeFileSync(readmePath, updated);
  console.log("README.md: lifecycle table updated.");
} else {
  console.log("README.md: lifecycle table already up to date.");
}
