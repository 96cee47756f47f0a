import { readmeSection } from "@/lib/format/readme-section";
import { lifecycleMarkdown } from "./lifecycle";

/** The README's "Who may move an order" table, generated from the transition table. */
export const lifecycleReadme = () => readmeSection("lifecycle", { source: "lib/orders/lifecycle.ts", command: "npm run docs:lifecycle", markdown: lifecycleMarkdown() });
