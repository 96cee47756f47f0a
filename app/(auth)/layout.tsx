import type { ReactNode } from "react";
import { BrandMark } from "@/components/brand";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10">
      <BrandMark className="text-lg" />
      <main className="w-full max-w-sm">{children}</main>
    </div>
  );
}
