"use client";

import { useState, useTransition } from "react";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import Link from "next/link";
import { ChevronDown, LogOut, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/components/i18n/i18n-provider";
import { signOutEverywhereAction } from "@/lib/web/sign-out-everywhere-action";

/**
 * "Sign out", and beside it a small menu with "Account security" (2FA, password) and "Sign out
 * everywhere" (every session of the account ends, this one too).
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [ending, startEnding] = useTransition();
  const t = useT();
  const busy = pending || ending;
  return (
    <div className="flex items-center">
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="rounded-r-none px-2 sm:px-3"
        disabled={busy}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
      >
        <LogOut className="size-4" aria-hidden="true" />
        {/* Icon only on phones: the header must fit 375 px in every language. */}
        <span className="sr-only sm:not-sr-only">{t("common.signOut")}</span>
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button type="button" variant="outline" size="sm" className="-ml-px w-6 rounded-l-none px-0" disabled={busy} aria-label={t("common.sessionMenu")}>
            <ChevronDown className="size-3.5" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="max-w-72">
          <DropdownMenuItem asChild>
            <Link href="/account/security">
              <ShieldCheck className="size-4" aria-hidden="true" />
              {t("common.accountSecurity")}
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem
            title={t("common.signOutEverywhereHint")}
            onSelect={() =>
              startEnding(async () => {
                const result = await signOutEverywhereAction().catch(() => null);
                if (!result?.ok) {
                  toast.error(result?.message ?? t("errors.network"));
                  return;
                }
                setPending(true);
                await signOut({ callbackUrl: "/login" });
              })
            }
          >
            <LogOut className="size-4" aria-hidden="true" />
            {t("common.signOutEverywhere")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
