"use client";

import { Pencil } from "lucide-react";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/web/action";
import { useActionDialog } from "@/components/ui/use-action";

export interface TraderForm {
  traderId: number;
  trafficPriority: number | string;
  payinReward: string;
  payoutReward: string;
  teamLeadId: number | null;
}

/** Edits a trader's traffic priority, rewards (fractions 0 ≤ x < 1) and team. */
export function EditTraderDialog({
  trader,
  teamleads,
  action,
}: {
  trader: { id: number; email: string; trafficPriority: number; payinReward: string; payoutReward: string; teamLeadId: number | null };
  teamleads: { id: number; username: string; email: string }[];
  action: (input: TraderForm) => Promise<ActionResult<{ message: string }>>;
}) {
  const t = useT();
  const { dialog, fieldErrors, submit } = useActionDialog();
  const id = (field: string) => `trader-${trader.id}-${field}`;

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("admin.traders.editTrader", { email: trader.email })}>
          <Pencil className="size-4" aria-hidden="true" />
          {t("admin.common.edit")}
        </Button>
      }
      title={t("admin.traders.editTitle")}
      description={trader.email}
      descriptionClassName="break-all"
      submitLabel={t("admin.common.save")}
      onSubmit={(form) => {
        const priority = String(form.get("trafficPriority") ?? "").trim();
        const team = String(form.get("teamLeadId") ?? "");
        const input: TraderForm = {
          traderId: trader.id,
          // A number when it is one; otherwise the text, for the server to refuse with a field error.
          trafficPriority: /^-?\d+$/.test(priority) ? Number(priority) : priority,
          payinReward: String(form.get("payinReward") ?? ""),
          payoutReward: String(form.get("payoutReward") ?? ""),
          teamLeadId: team ? Number(team) : null,
        };
        submit(() => action(input));
      }}
    >
      <FormField id={id("priority")} name="trafficPriority" label={t("admin.traders.priority")} hint={t("admin.traders.priorityHint")} error={fieldErrors.trafficPriority}>
        {(control) => <Input {...control} defaultValue={String(trader.trafficPriority)} inputMode="numeric" autoComplete="off" className="max-w-32" />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id("payin")} name="payinReward" label={t("admin.traders.payinReward")} error={fieldErrors.payinReward}>
          {(control) => <Input {...control} defaultValue={trader.payinReward} inputMode="decimal" autoComplete="off" className="font-mono" />}
        </FormField>
        <FormField id={id("payout")} name="payoutReward" label={t("admin.traders.payoutReward")} error={fieldErrors.payoutReward}>
          {(control) => <Input {...control} defaultValue={trader.payoutReward} inputMode="decimal" autoComplete="off" className="font-mono" />}
        </FormField>
      </div>
      <p className="-mt-2 text-xs text-muted-foreground">{t("admin.stores.fractionHint")}</p>
      <FormField id={id("team")} name="teamLeadId" label={t("admin.traders.team")} error={fieldErrors.teamLeadId}>
        {(control) => (
          <NativeSelect {...control} defaultValue={trader.teamLeadId === null ? "" : String(trader.teamLeadId)}>
            <option value="">{t("admin.traders.noTeam")}</option>
            {teamleads.map((lead) => (
              <option key={lead.id} value={lead.id}>
                {lead.username} ({lead.email})
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
    </FormDialog>
  );
}
