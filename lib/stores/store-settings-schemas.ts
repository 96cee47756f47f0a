import { z } from "zod";

/**
 * Inputs of the store settings forms. Error messages are message keys (merchant.errors.*): the
 * server action translates them into the reader's language.
 */
export const callbackUrlSchema = z
  .string()
  .trim()
  .max(2048, { error: "merchant.errors.urlTooLong" })
  .transform((text, ctx) => {
    if (text === "") return null;
    const url = URL.canParse(text) ? new URL(text) : null;
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) {
      ctx.addIssue({ code: "custom", message: "merchant.errors.invalidUrl" });
      return z.NEVER;
    }
    // Credentials in a URL would be stored and shown in the clear.
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "merchant.errors.urlWithCredentials" });
      return z.NEVER;
    }
    return url.toString();
  });

export const apiKeyNameSchema = z.string().trim().min(1, { error: "merchant.errors.keyNameRequired" }).max(80, { error: "merchant.errors.keyNameTooLong" });
