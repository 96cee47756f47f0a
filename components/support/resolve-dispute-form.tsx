"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { CheckCircle2, XCircle } from "lucide-react";
import { resolveDisputeAction, type ResolveDisputeError } from "@/app/(cabinet)/support/disputes/actions";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import type { MessageKey } from "@/lib/i18n/translate";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

type Outcome = "completed" | "cancelled";

const ERROR_MESSAGES: Record<ResolveDisputeError, MessageKey> = {
  noteRequired: "support.resolve.errors.noteRequired",
  noteTooLong: "support.resolve.errors.noteTooLong",
  alreadyResolved: "support.resolve.errors.alreadyResolved",
  forbidden: "support.resolve.errors.forbidden",
  depositInsufficient: "support.resolve.errors.depositInsufficient",
  failed: "support.resolve.errors.failed",
};

/**
 * Support's decision on an open dispute: a mandatory note, then Complete or Cancel, each
 * behind a confirm dialog (the decision moves money and cannot be undone). The result comes
 * back as a toast and the queue is shown again without this dispute.
 */
export function ResolveDisputeForm({ disputeId, orderId }: { disputeId: number; orderId: string }) {
  const t = useT();
  const router = useRouter();
  const noteId = useId();
  const errorId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Outcome | null>(null);

  const mutation = useMutation({
    mutationFn: (outcome: Outcome) => resolveDisputeAction({ disputeId, outcome, note }),
    onSuccess: (result) => {
      setConfirming(null);
      if (result.ok) {
        toast.success(t(result.outcome === "completed" ? "support.resolve.resolvedCompleted" : "support.resolve.resolvedCancelled", { id: disputeId }));
        router.push("/support/disputes");
        return;
      }
      const message = t(ERROR_MESSAGES[result.error], { max: DISPUTE_TEXT_MAX });
      if (result.field === "note") {
        setNoteError(message);
        noteRef.current?.focus();
      } else {
        toast.error(message);
        router.refresh();
      }
    },
    onError: () => {
      setConfirming(null);
      toast.error(t("errors.network"));
    },
  });

  /** The note is checked before the confirm dialog opens, so the dialog never ends in a field error. */
  const ask = (outcome: Outcome) => {
    const trimmed = note.trim();
    const error = !trimmed ? t("support.resolve.errors.noteRequired") : trimmed.length > DISPUTE_TEXT_MAX ? t("support.resolve.errors.noteTooLong", { max: DISPUTE_TEXT_MAX }) : null;
    setNoteError(error);
    if (error) {
      noteRef.current?.focus();
      return;
    }
    setConfirming(outcome);
  };

  const completing = confirming === "completed";
  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor={noteId}>{t("support.resolve.note")}</Label>
        <Textarea
          ref={noteRef}
          id={noteId}
          name="note"
          rows={4}
          required
          value={note}
          placeholder={t("support.resolve.notePlaceholder")}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? errorId : undefined}
          onChange={(event) => {
            setNote(event.target.value);
            if (noteError) setNoteError(null);
          }}
        />
        <div className="flex justify-between gap-4 text-xs">
          <span id={errorId} role={noteError ? "alert" : undefined} className="text-destructive">
            {noteError}
          </span>
          <span className={note.trim().length > DISPUTE_TEXT_MAX ? "text-destructive" : "text-muted-foreground"}>
            {t("support.resolve.noteCount", { count: note.trim().length, max: DISPUTE_TEXT_MAX })}
          </span>
        </div>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" onClick={() => ask("completed")} disabled={mutation.isPending}>
          <CheckCircle2 aria-hidden="true" />
          {t("support.resolve.complete")}
        </Button>
        <Button type="button" variant="outline" onClick={() => ask("cancelled")} disabled={mutation.isPending}>
          <XCircle aria-hidden="true" />
          {t("support.resolve.cancel")}
        </Button>
      </div>
      <Dialog open={confirming !== null} onOpenChange={(open) => !open && !mutation.isPending && setConfirming(null)}>
        <DialogContent closeLabel={t("common.close")}>
          <DialogHeader>
            <DialogTitle>{t(completing ? "support.resolve.confirmCompleteTitle" : "support.resolve.confirmCancelTitle", { id: orderId })}</DialogTitle>
            <DialogDescription>{t(completing ? "support.resolve.confirmCompleteText" : "support.resolve.confirmCancelText")}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="outline" disabled={mutation.isPending} onClick={() => setConfirming(null)}>
              {t("support.resolve.goBack")}
            </Button>
            <Button
              type="button"
              variant={completing ? "default" : "destructive"}
              disabled={mutation.isPending}
              onClick={() => confirming && mutation.mutate(confirming)}
            >
              {t(completing ? "support.resolve.confirmComplete" : "support.resolve.confirmCancel")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
