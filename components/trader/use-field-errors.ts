"use client";

import { useState } from "react";
import type { z } from "zod";
import { useT } from "@/components/i18n/i18n-provider";
import { fieldError } from "./explain-error";

/**
 * Field errors of a form as translated text: from the schema's check in the browser (at
 * submit) or from the server action's answer (the one that counts).
 */
export function useFieldErrors<F extends string>() {
  const t = useT();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const show = (fieldErrors: Partial<Record<string, string[]>> | undefined) => {
    const next: Partial<Record<F, string>> = {};
    for (const [field, keys] of Object.entries(fieldErrors ?? {})) {
      const text = fieldError(t, keys);
      if (text) next[field as F] = text;
    }
    setErrors(next);
    return Object.keys(next).length > 0;
  };
  const fromZod = (error: z.ZodError) => show(Object.fromEntries(error.issues.map((issue) => [String(issue.path[0] ?? ""), [issue.message]])));
  return { errors, show, fromZod, clear: () => setErrors({}) };
}
