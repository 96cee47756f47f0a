"use server";

import { headers } from "next/headers";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { setPasswordFromForm } from "@/lib/auth/set-password-action";
import type { SetPasswordState } from "../reset-password/set-password-form";

export async function acceptInvitationAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const requestHeaders = await headers();
  return setPasswordFromForm(formData, (input) =>
    acceptInvitation({ ...input, ip: clientIpFromHeaders(requestHeaders), userAgent: requestHeaders.get("user-agent") }),
  );
}
