import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/web/session";
import type { Role } from "@/lib/auth/roles";

/**
 * generateMetadata for a cabinet page. Next resolves a page's metadata even when its layout
 * answers 403, so a static title would name the refused page on the "Access denied" screen;
 * this one gives the page's title only to its own role (getCurrentUser is cached per request).
 */
export function cabinetMetadata(role: Role, title: string): () => Promise<Metadata> {
  return async function generateMetadata() {
    const user = await getCurrentUser();
    return { title: user?.role === role ? title : "Access denied" };
  };
}
