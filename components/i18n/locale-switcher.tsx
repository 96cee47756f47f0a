"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Languages } from "lucide-react";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/web/set-locale-action";
import { useLocale, useT } from "./i18n-provider";

/** A compact language picker; the page re-renders in the new language without a reload. */
export function LocaleSwitcher() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="relative inline-flex items-center">
      <span className="sr-only">{t("common.language")}</span>
      <Languages className="pointer-events-none absolute left-2 size-4 text-muted-foreground" aria-hidden="true" />
      <select
        value={locale}
        disabled={pending}
        data-testid="locale-switcher"
        onChange={(event) => {
          const next = event.target.value as Locale;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
        className="h-9 appearance-none rounded-md border border-input bg-transparent py-1 pl-8 pr-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
