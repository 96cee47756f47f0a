import type { Metadata } from "next";
import { cabinetMetadata } from "@/components/cabinet/cabinet-metadata";
import { getTranslator } from "@/lib/web/locale";
import type { MessageKey } from "@/lib/i18n/translate";

/** generateMetadata for an admin page: its translated title, and only for admins (see cabinetMetadata). */
export function adminMetadata(title: MessageKey): () => Promise<Metadata> {
  return async function generateMetadata() {
    const { t } = await getTranslator();
    return cabinetMetadata("admin", t(title))();
  };
}
