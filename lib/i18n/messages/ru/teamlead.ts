import type { Messages } from "../en";

export const teamlead: Messages["teamlead"] = {};
