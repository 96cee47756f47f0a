import Link from "next/link";
import { requirePermission } from "@/lib/web/session";
import { getTranslator } from "@/lib/web/locale";
import { listCurrencies, type AdminCurrencyRow } from "@/lib/currencies/list-currencies";
import type { Translate } from "@/lib/i18n/translate";
import { ActionSwitch } from "@/components/admin/action-switch";
import { AddRateForm } from "@/components/admin/add-rate-form";
import { adminMetadata } from "@/components/admin/admin-metadata";
import { DateTime } from "@/components/cabinet/date-time";
import { PageHeader } from "@/components/cabinet/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { addRateAction, setCurrencyFlagAction } from "./actions";

export const generateMetadata = adminMetadata("admin.rates.title");

export default async function AdminRatesPage() {
  const admin = await requirePermission("admin", "rates.manage");
  const [{ t }, currencies] = await Promise.all([getTranslator(), listCurrencies(admin.id)]);
  return (
    <>
      <PageHeader
        title={t("admin.rates.title")}
        description={
          <>
            {t("admin.rates.description")}{" "}
            <Link href="/admin" className="underline underline-offset-4">
              rates.manual
            </Link>
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {currencies.map((currency) => (
          <CurrencyCard key={currency.id} currency={currency} t={t} />
        ))}
      </div>
    </>
  );
}

function CurrencyCard({ currency, t }: { currency: AdminCurrencyRow; t: Translate }) {
  return (
    <Card data-currency={currency.code}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle>{currency.code}</CardTitle>
          <Badge variant="outline">{currency.kind === "fiat" ? t("admin.rates.fiat") : t("admin.rates.crypto")}</Badge>
          {currency.isPaused ? <Badge variant="destructive">{t("admin.rates.pausedBadge")}</Badge> : null}
        </div>
        <CardDescription>
          {currency.name} · {t("admin.rates.exponent", { exponent: currency.exponent })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap gap-6">
          <label className="flex items-center gap-2 text-sm">
            <ActionSwitch checked={currency.isActive} label={t("admin.rates.activeFor", { code: currency.code })} action={setCurrencyFlagAction.bind(null, currency.id, "isActive")} />
            {t("admin.rates.active")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <ActionSwitch checked={currency.isPaused} label={t("admin.rates.pausedFor", { code: currency.code })} action={setCurrencyFlagAction.bind(null, currency.id, "isPaused")} />
            {t("admin.rates.circuitBreaker")}
          </label>
        </div>
        {currency.kind === "fiat" ? (
          <>
            <CurrentRate currency={currency} t={t} />
            <AddRateForm currency={{ id: currency.id, code: currency.code }} action={addRateAction} />
            {currency.recentRates.length ? <RecentRates currency={currency} t={t} /> : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The rate orders use now and where it comes from, and the rates.manual setting. */
function CurrentRate({ currency, t }: { currency: AdminCurrencyRow; t: Translate }) {
  return (
    <div className="rounded-md bg-muted/60 px-3 py-2">
      <div className="text-xs text-muted-foreground">{t("admin.rates.current")}</div>
      {currency.currentRate ? (
        <div className="flex flex-wrap items-baseline gap-x-2">
          <span className="tabular text-xl font-semibold" data-testid="current-rate">
            {currency.currentRate.rate}
          </span>
          <span className="text-sm text-muted-foreground">{t("admin.rates.perUsdt", { code: currency.code })}</span>
          <span className="text-xs text-muted-foreground">
            {currency.currentRate.source === "rates.manual" ? t("admin.rates.fromSetting") : <DateTime value={currency.currentRate.createdAt} />}
          </span>
        </div>
      ) : (
        <div className="text-sm text-destructive">{t("admin.rates.noRate")}</div>
      )}
      <div className="mt-1 text-xs text-muted-foreground">
        rates.manual: <span className="tabular">{currency.manualRate ?? t("common.none")}</span>
      </div>
    </div>
  );
}

function RecentRates({ currency, t }: { currency: AdminCurrencyRow; t: Translate }) {
  return (
    <Table aria-label={t("admin.rates.recent", { code: currency.code })}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("admin.rates.rate")}</TableHead>
          <TableHead>{t("admin.rates.source")}</TableHead>
          <TableHead>{t("admin.rates.addedAt")}</TableHead>
          <TableHead>{t("admin.rates.addedBy")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {currency.recentRates.map((rate) => (
          <TableRow key={rate.id.toString()}>
            <TableCell className="tabular">{rate.rate}</TableCell>
            <TableCell>{rate.source}</TableCell>
            <TableCell>
              <DateTime value={rate.createdAt} />
            </TableCell>
            <TableCell className="text-muted-foreground">{rate.createdByEmail ?? t("common.none")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
