"use server";

import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { resetPassword } from "@/lib/auth/password-reset";
import { setPasswordFromForm } from "@/lib/auth/set-password-action";
import type { SetPasswordState } from "./set-password-form";

export async function resetPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const requestHeaders = await headers();
  return setPasswordFromForm(formData, (input) =>
    resetPassword({ ...input, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") }),
  );
}
