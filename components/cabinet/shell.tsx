import type { ReactNode } from "react";
import Link from "next/link";
import type { Role } from "@/lib/auth/roles";
import { BrandMark } from "@/components/brand";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { getTranslator } from "@/lib/web/locale";
import { visibleNav } from "./navigation";
import { DesktopNav, MobileNav } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/**
 * The frame of every cabinet: top bar (name, role menu, email, language, theme, sign out) and the page.
 * It only renders; each cabinet layout checks the role before rendering it. The menu leaves out
 * the pages the user's `permissions` do not open (those pages answer 403 on their own).
 */
export async function CabinetShell({
  role,
  email,
  permissions = {},
  children,
}: {
  role: Role;
  email: string;
  permissions?: Readonly<Record<string, boolean>>;
  children: ReactNode;
}) {
  const items = visibleNav(role, permissions);
  const { t } = await getTranslator();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#content"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:ring-[3px] focus:ring-ring/50"
      >
        {t("common.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
        <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 sm:gap-4">
          <Link href={items[0]?.href ?? "/"} className="flex items-center gap-2 rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            <BrandMark />
          </Link>
          <Badge variant="secondary" className="hidden sm:inline-flex">
            {t(`roles.${role}`)}
          </Badge>
          <DesktopNav items={items} />
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
            <span className="hidden max-w-56 truncate text-sm text-muted-foreground 2xl:inline" title={email}>
              {email}
            </span>
            <LocaleSwitcher />
            <ThemeToggle />
            <MobileNav items={items} email={email} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="content" data-cabinet={role} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
