import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { newPasswordSchema, type NewPasswordInput } from "./password-schema";

export type SetPasswordResult =
  | { status: "done" }
  | { status: "error"; message?: string; fieldErrors?: Partial<Record<keyof NewPasswordInput, string[]>> };

/**
 * The shared body of the "choose a password" server actions (reset link, invitation): parse
 * the form with the one schema, run `apply`, and turn bad input or a dead link into what the
 * form shows. Anything else is a bug and propagates.
 */
export async function setPasswordFromForm(formData: FormData, apply: (input: NewPasswordInput) => Promise<unknown>): Promise<SetPasswordResult> {
  const parsed = newPasswordSchema.safeParse({
    token: String(formData.get("token") ?? ""),
    password: String(formData.get("password") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  });
  if (!parsed.success) return { status: "error", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await apply(parsed.data);
    return { status: "done" };
  } catch (error) {
    if (error instanceof DomainError) return { status: "error", message: error.message };
    throw error;
  }
}
