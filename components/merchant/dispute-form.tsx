"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ShieldAlert } from "lucide-react";
import type { ActionResult } from "@/lib/web/action";
import { DISPUTE_TEXT_MAX, EVIDENCE_MAX_FILES } from "@/lib/disputes/limits";
import { ACCEPT_ATTRIBUTE, formatFileSize } from "@/lib/files/file-types";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionDialog } from "@/components/ui/use-action";

const DESCRIPTIONS = {
  payin: "merchant.order.dispute.description",
  payout: "merchant.order.dispute.descriptionPayout",
  late: "merchant.order.dispute.descriptionLate",
} as const;

/**
 * "Open dispute" on a paid order (or a pay-in the customer paid late): a reason and up to five
 * PNG/JPEG/PDF files, posted as multipart. `kind` picks the explanation the dialog opens with.
 */
export function DisputeForm({ orderId, kind = "payin", maxFileBytes }: { orderId: string; kind?: keyof typeof DESCRIPTIONS; maxFileBytes: number }) {
  const t = useT();
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const { dialog, submit: run, fieldErrors: errors } = useActionDialog(() => setMessage(undefined));

  // A route handler rather than a server action (the evidence may exceed an action's body limit), answering an ActionResult all the same.
  const submit = (form: FormData) => {
    setMessage(undefined);
    run(
      async () => {
        const response = await fetch(`/api/cabinet/merchant/orders/${encodeURIComponent(orderId)}/dispute`, { method: "POST", body: form });
        return (await response.json().catch(() => ({ ok: false }))) as ActionResult;
      },
      {
        fields: ["reason", "evidence"],
        success: t("merchant.order.dispute.opened"),
        onSuccess: () => router.refresh(),
        onFailure: (failure, text) => setMessage(failure.message || failure.fieldErrors ? text : t("merchant.errors.generic")),
      },
    );
  };

  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline">
          <ShieldAlert className="size-4" aria-hidden="true" />
          {t("merchant.order.dispute.open")}
        </Button>
      }
      title={t("merchant.order.dispute.title")}
      description={t(DESCRIPTIONS[kind])}
      submitLabel={t("merchant.order.dispute.submit")}
      submitVariant="destructive"
      onSubmit={submit}
    >
      {message ? (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
      <FormField id="dispute-reason" name="reason" label={t("merchant.order.dispute.reason")} error={errors.reason}>
        {(control) => <Textarea {...control} required maxLength={DISPUTE_TEXT_MAX} />}
      </FormField>
      <FormField
        id="dispute-evidence"
        name="evidence"
        label={t("merchant.order.dispute.evidence")}
        hint={t("merchant.order.dispute.evidenceHint", { count: EVIDENCE_MAX_FILES, size: formatFileSize(maxFileBytes) })}
        error={errors.evidence}
      >
        {(control) => <Input {...control} type="file" multiple accept={ACCEPT_ATTRIBUTE} />}
      </FormField>
    </FormDialog>
  );
}
