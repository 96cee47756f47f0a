"use client";

import { Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/components/i18n/i18n-provider";

/** Flips between light and dark and remembers the choice; the icons follow the .dark class via CSS. */
export function ThemeToggle() {
  const t = useT();
  function toggle() {
    const dark = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", dark);
    try {
      localStorage.setItem("theme", dark ? "dark" : "light");
    } catch {
      // Storage can be unavailable (private mode); the switch still works for this page.
    }
  }

  return (
    <Button type="button" variant="ghost" size="icon" aria-label={t("common.toggleTheme")} title={t("common.toggleTheme")} onClick={toggle}>
      <Sun className="size-4 dark:hidden" aria-hidden="true" />
      <Moon className="hidden size-4 dark:block" aria-hidden="true" />
    </Button>
  );
}
