"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { createSandboxStore, sandboxStoreCreateSchema } from "@/lib/sandbox/create-sandbox-store";
import { DATA_WORLD_COOKIE } from "@/lib/sandbox/data-world";
import { runAction, type ActionResult } from "@/lib/web/action";

/** The cabinet's live/sandbox switch: remembered on this device; every merchant page reads it. */
export async function setDataWorldAction(world: string): Promise<ActionResult> {
  const revalidate = { path: "/merchant", type: "layout" } as const;
  return runAction({ role: "merchant", schema: z.enum(["live", "sandbox"]), revalidate }, world, async ({ input }) => {
    (await cookies()).set(DATA_WORLD_COOKIE, input, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
    return { ok: true };
  });
}

/** "Create sandbox store": a test store of this merchant (createSandboxStore checks the rest). */
export async function createSandboxStoreAction(name: string): Promise<ActionResult<{ storeId: number }>> {
  const revalidate = { path: "/merchant", type: "layout" } as const;
  return runAction({ role: "merchant", schema: sandboxStoreCreateSchema, revalidate }, { name }, async ({ user, actor, input }) => {
    const { storeId } = await createSandboxStore(user.id, input, actor);
    return { ok: true, storeId };
  });
}
