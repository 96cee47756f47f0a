import type { z } from "zod";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

/**
 * A form's problems found in the browser by the schema the server action uses too (instant
 * field errors): one per field (its last issue), its message key translated; a message that is not one
 * reads as "check the highlighted fields". Null when the form is fine.
 */
export function formErrors(schema: z.ZodType, form: unknown, t: Translate): Record<string, string> | null {
  const checked = schema.safeParse(form);
  if (checked.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of checked.error.issues) {
    const field = String(issue.path[0] ?? "");
    const text = t(issue.message as MessageKey);
    errors[field] = text === issue.message ? t("errors.fixFields") : text;
  }
  return errors;
}
