import type { Messages } from "../en";

export const trader: Messages["trader"] = {};
