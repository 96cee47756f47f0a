"use server";

import { redirect } from "next/navigation";
import { endOwnSessions } from "@/lib/users/end-sessions";
import { runAction, type ActionResult } from "./action";
import { requestActor } from "./request-actor";

/**
 * "Sign out everywhere" from any cabinet's header: ends every session of the signed-in caller
 * (this one included; the button then signs this browser out too). Signed out: /login.
 */
export async function signOutEverywhereAction(): Promise<ActionResult> {
  return runAction({ role: "anyone" }, undefined, async ({ user }) => {
    if (!user) redirect("/login");
    await endOwnSessions(await requestActor(user));
    return { ok: true };
  });
}
