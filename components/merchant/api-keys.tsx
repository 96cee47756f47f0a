"use client";

import { useState, type FormEvent } from "react";
import { Plus, Trash2 } from "lucide-react";
import type { ActionResult } from "@/lib/web/action";
import { useT } from "@/components/i18n/i18n-provider";
import { DateTime } from "@/components/cabinet/date-time";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { FormField } from "@/components/cabinet/form-field";
import { EmptyState } from "@/components/cabinet/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useAction, useActionDialog } from "@/components/ui/use-action";
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
  const [created, setCreated] = useState<string>();
  return (
    <div className="grid gap-4">
      <CreateKeyForm storeId={storeId} create={create} onCreated={setCreated} />
      <NewKeyDialog created={created} onClose={() => setCreated(undefined)} />
      {keys.length === 0 ? <EmptyState title={t("merchant.store.apiKeys.none")} /> : <KeysTable keys={keys} revoke={revoke} />}
    </div>
  );
}

/** The new key's name and "Create"; the form clears once the key is made. */
function CreateKeyForm({ storeId, create, onCreated }: { storeId: number; create: Actions["create"]; onCreated: (key: string) => void }) {
  const t = useT();
  const { run, pending, fieldErrors } = useAction();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    run(() => create(storeId, name), {
      fields: ["name"],
      onSuccess: (result) => {
        form.reset();
        onCreated(result.key);
      },
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-start" noValidate>
      <div className="flex-1">
        <FormField id="api-key-name" name="name" label={t("merchant.store.apiKeys.name")} error={fieldErrors.name}>
          {(control) => <Input {...control} maxLength={80} placeholder={t("merchant.store.apiKeys.namePlaceholder")} />}
        </FormField>
      </div>
      <PendingButton type="submit" className="sm:mt-6" pending={pending} icon={<Plus className="size-4" aria-hidden="true" />}>
        {t("merchant.store.apiKeys.create")}
      </PendingButton>
    </form>
  );
}

/** The key just created, shown this once. */
function NewKeyDialog({ created, onClose }: { created: string | undefined; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={created !== undefined} onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("merchant.store.apiKeys.createdTitle")}</DialogTitle>
          <DialogDescription>{t("merchant.store.apiKeys.createdText")}</DialogDescription>
        </DialogHeader>
        {created ? <SecretOnce label={t("merchant.store.apiKeys.newKey")} value={created} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function KeysTable({ keys, revoke }: { keys: ApiKeyView[]; revoke: Actions["revoke"] }) {
  const t = useT();
  return (
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
          <KeyRow key={key.id} apiKey={key} revoke={revoke} />
        ))}
      </TableBody>
    </Table>
  );
}

function KeyRow({ apiKey: key, revoke }: { apiKey: ApiKeyView; revoke: Actions["revoke"] }) {
  const t = useT();
  return (
    <TableRow data-key-prefix={key.keyPrefix}>
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
  );
}

function RevokeKey({ keyId, name, prefix, revoke }: { keyId: number; name: string; prefix: string; revoke: Actions["revoke"] }) {
  const t = useT();
  const { dialog, submit } = useActionDialog();
  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("merchant.store.apiKeys.revokeOne", { name })}>
          <Trash2 className="size-4" aria-hidden="true" />
          {t("merchant.store.apiKeys.revoke")}
        </Button>
      }
      title={t("merchant.store.apiKeys.revokeTitle", { name })}
      description={t("merchant.store.apiKeys.revokeText", { prefix })}
      cancelLabel={t("common.cancel")}
      submitLabel={t("merchant.store.apiKeys.confirmRevoke")}
      submitVariant="destructive"
      onSubmit={() => submit(() => revoke(keyId), { success: t("merchant.store.apiKeys.revokedToast") })}
    />
  );
}
