import { getTranslator } from "@/lib/web/locale";
import { EmptyState } from "@/components/cabinet/empty-state";
import { PageHeader } from "@/components/cabinet/page-header";

/** What a trader page shows to a trader user without a trader profile (an admin creates it). */
export async function NoTraderProfile({ title }: { title: string }) {
  const { t } = await getTranslator();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={t("trader.noProfile")}>{t("trader.noProfileHint")}</EmptyState>
    </>
  );
}
