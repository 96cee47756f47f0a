"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useT } from "@/components/i18n/i18n-provider";
import type { NavItem } from "./navigation";

function isCurrent(pathname: string, href: string, items: readonly NavItem[]): boolean {
  // The cabinet root is current only on itself; a deeper page marks its own entry.
  const isRoot = items[0]?.href === href;
  return isRoot ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/** The cabinet menu as a row of links from the md breakpoint up. */
export function DesktopNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  const t = useT();
  return (
    // Takes the room the bar has left and scrolls sideways when a cabinet has many pages, so
    // the controls on the right always stay visible.
    <nav aria-label={t("nav.cabinet")} className="hidden min-w-0 flex-1 overflow-x-auto md:block">
      <ul className="flex w-max items-center gap-1">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href, items);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  current && "bg-accent text-accent-foreground",
                )}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Below md the links and the email fold into one menu button. */
export function MobileNav({ items, email }: { items: readonly NavItem[]; email: string }) {
  const pathname = usePathname();
  const t = useT();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="ghost" size="icon" className="md:hidden" aria-label={t("common.openMenu")}>
          <Menu className="size-5" aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="truncate text-xs font-normal text-muted-foreground">{email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.map((item) => (
          <DropdownMenuItem key={item.href} asChild>
            <Link href={item.href} aria-current={isCurrent(pathname, item.href, items) ? "page" : undefined}>
              {t(item.label)}
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
