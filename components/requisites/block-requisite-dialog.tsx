"use client";

import { Ban, LockOpen } from "lucide-react";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import { BLOCK_REASON_LENGTH } from "@/lib/requisites/block-schema";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/web/action";
import { useActionDialog } from "@/components/ui/use-action";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

export interface RequisiteBlockForm {
  requisiteId: number;
  reason: string;
}

/**
 * Block a requisite (or unblock a blocked one) with a required reason, for support's order page
 * and the admin's traders page. `action` is the cabinet's own server action (it checks the
 * permission again); its refusal's field errors show under the reason.
 */
export function BlockRequisiteDialog({
  requisite,
  action,
}: {
  requisite: { id: number; label: string; status: RequisiteStatus };
  action: (input: RequisiteBlockForm) => Promise<ActionResult<{ message: string }>>;
}) {
  const t = useT();
  const { dialog, fieldErrors, submit } = useActionDialog();
  const unblocking = requisite.status === "blocked";
  const name = { name: requisite.label };
  const Icon = unblocking ? LockOpen : Ban;

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t(unblocking ? "requisiteBlock.unblockFor" : "requisiteBlock.blockFor", name)}>
          <Icon className="size-4" aria-hidden="true" />
          {t(unblocking ? "requisiteBlock.unblock" : "requisiteBlock.block")}
        </Button>
      }
      title={t(unblocking ? "requisiteBlock.unblockTitle" : "requisiteBlock.blockTitle")}
      description={t(unblocking ? "requisiteBlock.unblockDescription" : "requisiteBlock.blockDescription", name)}
      submitLabel={t(unblocking ? "requisiteBlock.unblockSubmit" : "requisiteBlock.blockSubmit")}
      submitVariant={unblocking ? "default" : "destructive"}
      cancelLabel={t("common.cancel")}
      onSubmit={(form) => {
        const input: RequisiteBlockForm = { requisiteId: requisite.id, reason: String(form.get("reason") ?? "") };
        submit(() => action(input));
      }}
    >
      <FormField
        id={`requisite-${requisite.id}-reason`}
        name="reason"
        label={t("requisiteBlock.reason")}
        hint={t(unblocking ? "requisiteBlock.unblockReasonHint" : "requisiteBlock.blockReasonHint", BLOCK_REASON_LENGTH)}
        error={fieldErrors.reason}
      >
        {(control) => <Textarea {...control} rows={3} maxLength={BLOCK_REASON_LENGTH.max} />}
      </FormField>
    </FormDialog>
  );
}
