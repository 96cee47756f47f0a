import type { Metadata } from "next";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { getTranslator } from "@/lib/web/locale";

export const metadata: Metadata = { title: "Page not found" };

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <SearchX className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">{t("errors.notFoundTitle")}</h1>
      <p className="text-muted-foreground">{t("errors.notFoundText")}</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        {t("errors.notFoundAction")}
      </Link>
    </main>
  );
}
