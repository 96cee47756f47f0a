import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
// bcrypt reads only the first 72 bytes of a password; refusing longer ones keeps every
// character the user typed significant.
const MAX_PASSWORD_BYTES = 72;

/** A password someone chooses (invitation, reset, the first admin at the console). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .refine((value) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES, "Use at most 72 characters (fewer with accents or emoji).");

/** A new password with its confirmation, as the reset and invitation forms send them. */
export const newPasswordSchema = z
  .object({
    token: z.string().min(1, "The link is incomplete. Open it again from the email."),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.password === value.confirmPassword, { message: "The two passwords differ.", path: ["confirmPassword"] });

export type NewPasswordInput = z.infer<typeof newPasswordSchema>;
