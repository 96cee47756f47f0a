"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/components/i18n/i18n-provider";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const t = useT();
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      className="px-2 sm:px-3"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      <LogOut className="size-4" aria-hidden="true" />
      {/* Icon only on phones: the header must fit 375 px in every language. */}
      <span className="sr-only sm:not-sr-only">{t("common.signOut")}</span>
    </Button>
  );
}
