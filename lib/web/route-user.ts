import "server-only";
import { getCurrentUser, type CurrentUser } from "./session";
import type { Role } from "@/lib/auth/roles";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * For a cabinet's route handlers (downloads, polled JSON): the signed-in user of `role`, or the
 * response to send instead — 401 when signed out (a poller or download gets a status it can act
 * on, not the sign-in page's HTML behind a redirect), 403 for another role or a session that
 * must enrol in 2FA first.
 */
export async function routeUserOrRefusal(role: Role): Promise<{ user: CurrentUser; refusal?: never } | { user?: never; refusal: Response }> {
  const user = await getCurrentUser();
  if (!user) return { refusal: text("Sign in first.", 401) };
  if (user.role !== role) return { refusal: text("Forbidden.", 403) };
  if (user.twoFactorSetupRequired) return { refusal: text("Set up two-factor sign-in first.", 403) };
  return { user };
}
