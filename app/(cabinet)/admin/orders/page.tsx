import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { PageHeader } from "@/components/cabinet/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export const generateMetadata = adminMetadata("admin.orders.title");

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The admin's way to an order (to force it when it is stuck): its id, from a merchant's or
 * trader's report or from support. A GET form, so it works before JavaScript has loaded.
 */
export default async function AdminOrderLookupPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  await requirePermission("admin", "traders.manage");
  const { t } = await getTranslator();
  const raw = (await searchParams).id;
  const id = typeof raw === "string" ? raw.trim() : "";
  if (ORDER_ID.test(id)) redirect(`/admin/orders/${id}`);
  return (
    <>
      <PageHeader title={t("admin.orders.title")} description={t("admin.orders.description")} />
      <form method="get" role="search" className="grid max-w-xl gap-3 sm:flex sm:items-end">
        <div className="grid flex-1 gap-2">
          <Label htmlFor="order-lookup-id">{t("admin.orders.orderId")}</Label>
          <Input id="order-lookup-id" name="id" defaultValue={id} placeholder="pi_… / po_…" required autoComplete="off" spellCheck={false} />
        </div>
        <Button type="submit">{t("admin.orders.open")}</Button>
      </form>
      {id ? (
        <Alert variant="destructive" className="mt-4 max-w-xl">
          <AlertDescription>{t("admin.orders.invalidId")}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}
