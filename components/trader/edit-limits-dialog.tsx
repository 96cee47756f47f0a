"use client";

import { useId, useMemo, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Pencil } from "lucide-react";
import { toast } from "sonner";
import { updateRequisiteLimitsAction } from "@/app/(cabinet)/trader/requisites/actions";
import type { RequisiteLimitsView } from "@/lib/cabinet/trader/list-trader-requisites";
import { requisiteLimitsSchema, type RequisiteLimitsForm } from "@/lib/cabinet/trader/requisite-schema";
import { minorToDecimalString } from "@/lib/money/convert";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { explainError } from "./explain-error";
import { LimitsFields } from "./limits-fields";
import { useFieldErrors } from "./use-field-errors";

/** The current limits as editable text ("1500.00"), which both languages' parsers read back exactly. */
function formOf(limits: RequisiteLimitsView): RequisiteLimitsForm {
  const amount = (value: string | null) => (value === null ? "" : minorToDecimalString(BigInt(value), limits.exponent));
  return {
    minAmount: amount(limits.minAmount),
    maxAmount: amount(limits.maxAmount),
    dailyLimit: amount(limits.dailyLimit),
    monthlyLimit: amount(limits.monthlyLimit),
    dailyCountLimit: limits.dailyCountLimit === null ? "" : String(limits.dailyCountLimit),
  };
}

/** Edit one requisite's limits; the next order is routed with the new ones. */
export function EditLimitsDialog({ requisiteId, label, limits }: { requisiteId: number; label: string; limits: RequisiteLimitsView }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const idPrefix = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(() => formOf(limits));
  const { errors, show, fromZod, clear } = useFieldErrors<keyof RequisiteLimitsForm>();
  const [pending, startTransition] = useTransition();
  const schema = useMemo(() => requisiteLimitsSchema(limits.exponent, locale), [limits.exponent, locale]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = schema.safeParse(form);
    if (!checked.success) {
      fromZod(checked.error);
      return;
    }
    clear();
    startTransition(async () => {
      const result = await updateRequisiteLimitsAction(requisiteId, form).catch(() => ({ ok: false as const, code: "network", fieldErrors: undefined }));
      if (result.ok) {
        toast.success(result.value.changed ? t("trader.requisites.limitsSaved") : t("trader.requisites.limitsUnchanged"));
        setOpen(false);
        router.refresh();
      } else if (result.fieldErrors) {
        show(result.fieldErrors);
      } else {
        toast.error(result.code === "network" ? t("errors.network") : explainError(t, result.code));
      }
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        clear();
        if (next) setForm(formOf(limits));
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={t("trader.requisites.editLimitsOf", { name: label })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("trader.requisites.editLimits")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("trader.requisites.editLimitsTitle")}</DialogTitle>
          <DialogDescription>{label}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <LimitsFields idPrefix={idPrefix} values={form} errors={errors} currencyCode={limits.currencyCode} onChange={(name, value) => setForm((previous) => ({ ...previous, [name]: value }))} />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                {t("common.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
