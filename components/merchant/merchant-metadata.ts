import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * generateMetadata for a merchant page: its title in the reader's language, and only for a
 * merchant (Next resolves metadata even when the layout answers 403; see cabinetMetadata).
 */
export function merchantMetadata(title: MessageKey): () => Promise<Metadata> {
  return async function generateMetadata() {
    const [user, { t }] = await Promise.all([getCurrentUser(), getTranslator()]);
    return { title: user?.role === "merchant" ? t(title) : t("errors.forbiddenTitle") };
  };
}
