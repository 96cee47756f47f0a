"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Loader2 } from "lucide-react";
import { toast } from "sonner";
import { revokeApiTokenAction } from "@/app/(cabinet)/trader/api-tokens/actions";
import type { TraderApiTokenRow } from "@/lib/cabinet/trader/list-trader-api-tokens";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { TableCell, TableRow } from "@/components/ui/table";
import { explainError } from "./explain-error";

/** Revoke with a confirm step: an app using the token stops working at once. */
function RevokeButton({ token }: { token: TraderApiTokenRow }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const revoke = () =>
    startTransition(async () => {
      const result = await revokeApiTokenAction(token.id).catch(() => ({ ok: false as const, code: "network" }));
      if (result.ok) toast.success(t("trader.apiTokens.revoked", { name: token.name }));
      else toast.error(result.code === "network" ? t("errors.network") : explainError(t, result.code));
      setOpen(false);
      router.refresh();
    });
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={t("trader.apiTokens.revokeOf", { name: token.name })}>
          {t("trader.apiTokens.revoke")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("trader.apiTokens.revokeTitle", { name: token.name })}</DialogTitle>
          <DialogDescription>{t("trader.apiTokens.revokeDescription")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={pending}>
              {t("common.cancel")}
            </Button>
          </DialogClose>
          <Button type="button" variant="destructive" onClick={revoke} disabled={pending} aria-busy={pending}>
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
            {t("trader.apiTokens.revokeConfirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function ApiTokensTable({ tokens }: { tokens: TraderApiTokenRow[] }) {
  const t = useT();
  const columns = [
    t("trader.apiTokens.columns.name"),
    t("trader.apiTokens.columns.prefix"),
    t("trader.apiTokens.columns.created"),
    t("trader.apiTokens.columns.lastUsed"),
    t("trader.apiTokens.columns.status"),
    t("common.actions"),
  ];
  return (
    <DataTableCard columns={columns}>
      {tokens.map((token) => (
        <TableRow key={token.id} data-testid="api-token-row" data-token-prefix={token.prefix}>
          <TableCell className="font-medium">{token.name}</TableCell>
          <TableCell className="font-mono text-xs">{token.prefix}…</TableCell>
          <TableCell>
            <DateTime value={new Date(token.createdAt)} />
          </TableCell>
          <TableCell>{token.lastUsedAt ? <DateTime value={new Date(token.lastUsedAt)} /> : <span className="text-muted-foreground">{t("trader.apiTokens.neverUsed")}</span>}</TableCell>
          <TableCell>
            {token.revokedAt ? (
              <div className="grid gap-0.5">
                <Badge variant="outline">{t("trader.apiTokens.statusRevoked")}</Badge>
                <span className="text-xs text-muted-foreground">
                  <DateTime value={new Date(token.revokedAt)} />
                </span>
              </div>
            ) : (
              <Badge variant="success">{t("trader.apiTokens.statusActive")}</Badge>
            )}
          </TableCell>
          <TableCell>{token.revokedAt ? null : <RevokeButton token={token} />}</TableCell>
        </TableRow>
      ))}
    </DataTableCard>
  );
}
