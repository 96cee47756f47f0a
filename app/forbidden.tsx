import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { getTranslator } from "@/lib/web/locale";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <ShieldAlert className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">{t("errors.forbiddenTitle")}</h1>
      <p className="text-muted-foreground">{t("errors.forbiddenText")}</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        {t("errors.forbiddenAction")}
      </Link>
    </main>
  );
}
