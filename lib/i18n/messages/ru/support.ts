import type { Messages } from "../en";

export const support: Messages["support"] = {};
