"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import type { ForgotPasswordState } from "./forgot-password-form";

const forgotPasswordSchema = z.object({ email: z.email("Enter the email address of your account.").max(254) });

export async function requestPasswordResetAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const parsed = forgotPasswordSchema.safeParse({ email: String(formData.get("email") ?? "").trim() });
  if (!parsed.success) return { status: "error", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await requestPasswordReset({ email: parsed.data.email, ip: clientIpFromHeaders(await headers()) });
  if (!result.ok) return { status: "error", message: `Too many requests. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.` };
  return { status: "sent" };
}
