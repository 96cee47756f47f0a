"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Check, Copy, KeyRound } from "lucide-react";
import { toast } from "sonner";
import { apiTokenNameSchema } from "@/lib/traders/api-token-schema";
import { useT } from "@/components/i18n/i18n-provider";
import { FormField } from "@/components/cabinet/form-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { useAction } from "@/components/ui/use-action";
import type { CreateApiTokenAction } from "./trader-actions";

/**
 * Create a token: name it, then see the token once, with a copy button. Closing the dialog
 * forgets it for good — only its hash is stored.
 */
export function CreateApiTokenDialog({ create }: { create: CreateApiTokenAction }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [token, setToken] = useState<string | null>(null);
  const { run, pending, fieldErrors, setFieldErrors } = useAction();

  const reset = () => {
    setName("");
    setFieldErrors({});
    setToken(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!apiTokenNameSchema.safeParse(name).success) {
      setFieldErrors({ name: t("trader.apiTokens.nameError") });
      return;
    }
    setFieldErrors({});
    run(() => create(name), {
      fields: ["name"],
      onSuccess: (result) => {
        setToken(result.token);
        router.refresh();
      },
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button type="button">
          <KeyRound className="size-4" aria-hidden="true" />
          {t("trader.apiTokens.create")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        {token ? (
          <NewTokenOnce token={token} onDone={() => (setOpen(false), reset())} />
        ) : (
          <NameTokenForm name={name} onNameChange={setName} error={fieldErrors.name} pending={pending} onSubmit={submit} />
        )}
      </DialogContent>
    </Dialog>
  );
}

/** The first step: the token's name, then "Create". */
function NameTokenForm({
  name,
  onNameChange,
  error,
  pending,
  onSubmit,
}: {
  name: string;
  onNameChange: (name: string) => void;
  error: string | undefined;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const t = useT();
  const nameId = useId();
  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("trader.apiTokens.createTitle")}</DialogTitle>
        <DialogDescription>{t("trader.apiTokens.createDescription")}</DialogDescription>
      </DialogHeader>
      <form onSubmit={onSubmit} className="grid gap-4" noValidate>
        <FormField id={nameId} name="name" label={t("trader.apiTokens.name")} hint={t("trader.apiTokens.nameHint")} error={error}>
          {(control) => <Input {...control} value={name} onChange={(event) => onNameChange(event.target.value)} maxLength={80} required autoComplete="off" />}
        </FormField>
        <DialogFooter>
          <PendingButton type="submit" pending={pending}>
            {t("trader.apiTokens.create")}
          </PendingButton>
        </DialogFooter>
      </form>
    </>
  );
}

/** The second step: the new token, shown this once, with a copy button and how to use it. */
function NewTokenOnce({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success(t("common.copied"));
    } catch {
      toast.error(t("trader.apiTokens.copyFailed"));
    }
  };

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("trader.apiTokens.createdTitle")}</DialogTitle>
        <DialogDescription>{t("trader.apiTokens.createdDescription")}</DialogDescription>
      </DialogHeader>
      <div className="flex min-w-0 items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm" data-testid="new-api-token">
          {token}
        </code>
        <Button type="button" variant="outline" size="icon" onClick={copy} aria-label={t("common.copy")}>
          {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
        </Button>
      </div>
      <Alert role="status">
        <AlertDescription>{t("trader.apiTokens.usage")}</AlertDescription>
      </Alert>
      <DialogFooter>
        <Button type="button" onClick={onDone}>
          {t("trader.apiTokens.done")}
        </Button>
      </DialogFooter>
    </>
  );
}
