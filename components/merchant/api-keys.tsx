"use client";

import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Loader2, Plus, Trash2 } from "lucide-react";
import type { ActionResult } from "@/lib/cabinet/merchant/action-result";
import { useT } from "@/components/i18n/i18n-provider";
import { DateTime } from "@/components/cabinet/date-time";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { refusalMessage } from "./action-feedback";
import { FieldError } from "./field-error";
import { SecretOnce } from "./secret-once";

export interface ApiKeyView {
  id: number;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface Actions {
  create: (storeId: number, name: string) => Promise<ActionResult<{ key: string }>>;
  revoke: (keyId: number) => Promise<ActionResult>;
}

/** Create a key (shown once in a dialog), and the store's keys by prefix with "Revoke". */
export function ApiKeys({ storeId, keys, create, revoke }: { storeId: number; keys: ApiKeyView[] } & Actions) {
  const t = useT();
  const [pending, startTransition] = useTransition();
  const [nameError, setNameError] = useState<string>();
  const [created, setCreated] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    startTransition(async () => {
      const result = await create(storeId, name);
      if (result.ok) {
        form.reset();
        setNameError(undefined);
        setCreated(result.key);
      } else if (result.fieldErrors?.name) setNameError(result.fieldErrors.name);
      else toast.error(refusalMessage(result, t));
    });
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-start" noValidate>
        <div className="grid flex-1 gap-2">
          <Label htmlFor="api-key-name">{t("merchant.store.apiKeys.name")}</Label>
          <Input
            id="api-key-name"
            name="name"
            maxLength={80}
            placeholder={t("merchant.store.apiKeys.namePlaceholder")}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "api-key-name-error" : undefined}
          />
          <FieldError id="api-key-name-error" message={nameError} />
        </div>
        <Button type="submit" className="sm:mt-6" disabled={pending} aria-busy={pending}>
          {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <Plus className="size-4" aria-hidden="true" />}
          {t("merchant.store.apiKeys.create")}
        </Button>
      </form>

      <Dialog open={created !== undefined} onOpenChange={(open) => !open && setCreated(undefined)}>
        <DialogContent closeLabel={t("common.close")}>
          <DialogHeader>
            <DialogTitle>{t("merchant.store.apiKeys.createdTitle")}</DialogTitle>
            <DialogDescription>{t("merchant.store.apiKeys.createdText")}</DialogDescription>
          </DialogHeader>
          {created ? <SecretOnce label={t("merchant.store.apiKeys.newKey")} value={created} /> : null}
        </DialogContent>
      </Dialog>

      {keys.length === 0 ? (
        <EmptyState title={t("merchant.store.apiKeys.none")} />
      ) : (
        <Table aria-label={t("merchant.store.apiKeys.title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("merchant.store.apiKeys.name")}</TableHead>
              <TableHead>{t("merchant.store.apiKeys.prefix")}</TableHead>
              <TableHead>{t("merchant.store.apiKeys.created")}</TableHead>
              <TableHead>{t("merchant.store.apiKeys.lastUsed")}</TableHead>
              <TableHead>{t("merchant.store.apiKeys.status")}</TableHead>
              <TableHead className="text-right">{t("common.actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((key) => (
              <TableRow key={key.id} data-key-prefix={key.keyPrefix}>
                <TableCell className="max-w-48 truncate font-medium">{key.name}</TableCell>
                <TableCell className="font-mono text-xs">{key.keyPrefix}…</TableCell>
                <TableCell>
                  <DateTime value={key.createdAt} />
                </TableCell>
                <TableCell>
                  <DateTime value={key.lastUsedAt} />
                </TableCell>
                <TableCell>
                  {key.revokedAt ? <Badge variant="outline">{t("merchant.store.apiKeys.revoked")}</Badge> : <Badge variant="success">{t("common.active")}</Badge>}
                </TableCell>
                <TableCell className="text-right">{key.revokedAt ? null : <RevokeKey keyId={key.id} name={key.name} prefix={key.keyPrefix} revoke={revoke} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

function RevokeKey({ keyId, name, prefix, revoke }: { keyId: number; name: string; prefix: string; revoke: Actions["revoke"] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={t("merchant.store.apiKeys.revokeOne", { name })}>
          <Trash2 className="size-4" aria-hidden="true" />
          {t("merchant.store.apiKeys.revoke")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("merchant.store.apiKeys.revokeTitle", { name })}</DialogTitle>
          <DialogDescription>{t("merchant.store.apiKeys.revokeText", { prefix })}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              {t("common.cancel")}
            </Button>
          </DialogClose>
          <Button
            type="button"
            variant="destructive"
            disabled={pending}
            aria-busy={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await revoke(keyId);
                if (result.ok) {
                  toast.success(t("merchant.store.apiKeys.revokedToast"));
                  setOpen(false);
                } else toast.error(refusalMessage(result, t));
              })
            }
          >
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
            {t("merchant.store.apiKeys.confirmRevoke")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
