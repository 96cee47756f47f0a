"use client";

import { useId, useRef, useState, type RefObject } from "react";
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

  return (
    <div className="grid gap-4">
      <NoteField
        noteRef={noteRef}
        note={note}
        error={noteError}
        onChange={(value) => {
          setNote(value);
          if (noteError) setNoteError(null);
        }}
      />
      <DecisionButtons pending={pending} onChoose={ask} />
      <ConfirmDecisionDialog orderId={orderId} confirming={confirming} pending={pending} onBack={() => setConfirming(null)} onConfirm={decide} />
    </div>
  );
}

/** The resolution note, with its error and a count against DISPUTE_TEXT_MAX. */
function NoteField({
  noteRef,
  note,
  error,
  onChange,
}: {
  noteRef: RefObject<HTMLTextAreaElement | null>;
  note: string;
  error: string | null;
  onChange: (note: string) => void;
}) {
  const t = useT();
  const noteId = useId();
  const errorId = useId();
  return (
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
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <div className="flex justify-between gap-4 text-xs">
        <span id={errorId} role={error ? "alert" : undefined} className="text-destructive">
          {error}
        </span>
        <span className={note.trim().length > DISPUTE_TEXT_MAX ? "text-destructive" : "text-muted-foreground"}>
          {t("support.resolve.noteCount", { count: note.trim().length, max: DISPUTE_TEXT_MAX })}
        </span>
      </div>
    </div>
  );
}

/** Complete or Cancel: each asks to confirm first. */
function DecisionButtons({ pending, onChoose }: { pending: boolean; onChoose: (outcome: Outcome) => void }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <Button type="button" onClick={() => onChoose("completed")} disabled={pending}>
        <CheckCircle2 aria-hidden="true" />
        {t("support.resolve.complete")}
      </Button>
      <Button type="button" variant="outline" onClick={() => onChoose("cancelled")} disabled={pending}>
        <XCircle aria-hidden="true" />
        {t("support.resolve.cancel")}
      </Button>
    </div>
  );
}

/** "Complete order …?" or "Cancel order …?": the last step before the decision, open while `confirming`. */
function ConfirmDecisionDialog({
  orderId,
  confirming,
  pending,
  onBack,
  onConfirm,
}: {
  orderId: string;
  confirming: Outcome | null;
  pending: boolean;
  onBack: () => void;
  onConfirm: (outcome: Outcome) => void;
}) {
  const t = useT();
  const completing = confirming === "completed";
  return (
    <Dialog open={confirming !== null} onOpenChange={(open) => !open && !pending && onBack()}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t(completing ? "support.resolve.confirmCompleteTitle" : "support.resolve.confirmCancelTitle", { id: orderId })}</DialogTitle>
          <DialogDescription>{t(completing ? "support.resolve.confirmCompleteText" : "support.resolve.confirmCancelText")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="outline" disabled={pending} onClick={onBack}>
            {t("support.resolve.goBack")}
          </Button>
          <Button type="button" variant={completing ? "default" : "destructive"} disabled={pending} onClick={() => confirming && onConfirm(confirming)}>
            {t(completing ? "support.resolve.confirmComplete" : "support.resolve.confirmCancel")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
