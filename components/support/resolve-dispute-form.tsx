"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { CheckCircle2, XCircle } from "lucide-react";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useAction } from "@/components/ui/use-action";

type Outcome = "completed" | "cancelled";

/** The page's server action: it checks the caller, the note and the dispute again. */
export type ResolveDisputeAction = (input: { disputeId: number; outcome: Outcome; note: string }) => Promise<ActionResult<{ outcome: Outcome }>>;

/**
 * Support's decision on an open dispute: a mandatory note, then Complete or Cancel, each
 * behind a confirm dialog (the decision moves money and cannot be undone). The result comes
 * back as a toast and the queue is shown again without this dispute.
 */
export function ResolveDisputeForm({ disputeId, orderId, resolve }: { disputeId: number; orderId: string; resolve: ResolveDisputeAction }) {
  const t = useT();
  const router = useRouter();
  const noteId = useId();
  const errorId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Outcome | null>(null);

  const { run, pending } = useAction();
  const decide = (outcome: Outcome) =>
    run(() => resolve({ disputeId, outcome, note }), {
      onSettled: () => setConfirming(null),
      success: (result) => t(result.outcome === "completed" ? "support.resolve.resolvedCompleted" : "support.resolve.resolvedCancelled", { id: disputeId }),
      onSuccess: () => router.push("/support/disputes"),
      onFailure: (failure, text) => {
        if (failure.fieldErrors?.note) {
          setNoteError(failure.fieldErrors.note);
          noteRef.current?.focus();
        } else {
          toast.error(text);
          router.refresh();
        }
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
        <Button type="button" onClick={() => ask("completed")} disabled={pending}>
          <CheckCircle2 aria-hidden="true" />
          {t("support.resolve.complete")}
        </Button>
        <Button type="button" variant="outline" onClick={() => ask("cancelled")} disabled={pending}>
          <XCircle aria-hidden="true" />
          {t("support.resolve.cancel")}
        </Button>
      </div>
      <Dialog open={confirming !== null} onOpenChange={(open) => !open && !pending && setConfirming(null)}>
        <DialogContent closeLabel={t("common.close")}>
          <DialogHeader>
            <DialogTitle>{t(completing ? "support.resolve.confirmCompleteTitle" : "support.resolve.confirmCancelTitle", { id: orderId })}</DialogTitle>
            <DialogDescription>{t(completing ? "support.resolve.confirmCompleteText" : "support.resolve.confirmCancelText")}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="outline" disabled={pending} onClick={() => setConfirming(null)}>
              {t("support.resolve.goBack")}
            </Button>
            <Button
              type="button"
              variant={completing ? "default" : "destructive"}
              disabled={pending}
              onClick={() => confirming && decide(confirming)}
            >
              {t(completing ? "support.resolve.confirmComplete" : "support.resolve.confirmCancel")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
