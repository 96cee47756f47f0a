"use client";

import { Toaster as Sonner } from "sonner";

/**
 * Toasts for the results of actions ("Saved", "Order confirmed", errors). Call `toast.success(…)`
 * or `toast.error(…)` from "sonner" anywhere in a client component.
 */
export function Toaster() {
  return <Sonner position="top-center" richColors closeButton theme="system" />;
}
