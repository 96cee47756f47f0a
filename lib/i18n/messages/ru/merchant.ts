import type { Messages } from "../en";

export const merchant: Messages["merchant"] = {};
