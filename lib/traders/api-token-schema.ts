import { text } from "@/lib/api/schemas/common";

/** The name a trader gives a token ("Phone SMS app"), so they know which one to revoke later. */
export const apiTokenNameSchema = text(80);
