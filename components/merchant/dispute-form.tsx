"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Loader2, ShieldAlert } from "lucide-react";
import type { ActionResult } from "@/lib/cabinet/merchant/action-result";
import { DISPUTE_TEXT_MAX, EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_FILES } from "@/lib/disputes/limits";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FieldError } from "./field-error";

/** "Open dispute" on a paid order: a reason and up to five PNG/JPEG/PDF files, posted as multipart. */
export function DisputeForm({ orderId }: { orderId: string }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const response = await fetch(`/api/cabinet/merchant/orders/${encodeURIComponent(orderId)}/dispute`, { method: "POST", body: new FormData(event.currentTarget) });
      const result = (await response.json().catch(() => ({ ok: false }))) as ActionResult;
      if (result.ok) {
        toast.success(t("merchant.order.dispute.opened"));
        setOpen(false);
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message ?? (result.fieldErrors ? undefined : t("merchant.errors.generic")));
    } catch {
      setMessage(t("errors.network"));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          <ShieldAlert className="size-4" aria-hidden="true" />
          {t("merchant.order.dispute.open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("merchant.order.dispute.title")}</DialogTitle>
          <DialogDescription>{t("merchant.order.dispute.description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {message ? (
            <p role="alert" className="text-sm text-destructive">
              {message}
            </p>
          ) : null}
          <div className="grid gap-2">
            <Label htmlFor="dispute-reason">{t("merchant.order.dispute.reason")}</Label>
            <Textarea
              id="dispute-reason"
              name="reason"
              required
              maxLength={DISPUTE_TEXT_MAX}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? "dispute-reason-error" : undefined}
            />
            <FieldError id="dispute-reason-error" message={errors.reason} />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="dispute-evidence">{t("merchant.order.dispute.evidence")}</Label>
            <Input
              id="dispute-evidence"
              name="evidence"
              type="file"
              multiple
              accept={EVIDENCE_CONTENT_TYPES.join(",")}
              aria-invalid={errors.evidence ? true : undefined}
              aria-describedby={errors.evidence ? "dispute-evidence-hint dispute-evidence-error" : "dispute-evidence-hint"}
            />
            <p id="dispute-evidence-hint" className="text-xs text-muted-foreground">
              {t("merchant.order.dispute.evidenceHint", { count: EVIDENCE_MAX_FILES })}
            </p>
            <FieldError id="dispute-evidence-error" message={errors.evidence} />
          </div>
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={pending} aria-busy={pending}>
              {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
              {t("merchant.order.dispute.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
