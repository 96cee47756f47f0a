import type { ReactNode } from "react";
import type { PermissionOf } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/web/session";

/**
 * The layout of an admin section a permission covers (the same list its nav entry and page
 * name). It sits outside the section's loading boundary, so an admin without the permission gets
 * an HTTP 403 before anything streams — a page inside a Suspense boundary could only render the
 * 403 page under a 200. The page checks again: a layout is not re-rendered when only the page
 * below it changes.
 */
export function permissionLayout(permission: PermissionOf<"admin"> | readonly PermissionOf<"admin">[]) {
  return async function PermissionLayout({ children }: { children: ReactNode }) {
    await requirePermission("admin", permission);
    return children;
  };
}
