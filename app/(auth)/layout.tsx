import type { ReactNode } from "react";
import { BrandMark } from "@/components/brand";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10">
      <div className="absolute right-4 top-4">
        <LocaleSwitcher />
      </div>
      <BrandMark className="text-lg" />
      <main className="w-full max-w-sm">{children}</main>
    </div>
  );
}
