"use client";

import { useRouter } from "next/navigation";
import type { TraderApiTokenRow } from "@/lib/traders/list-trader-api-tokens";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTableCard } from "@/components/cabinet/data-table-card";
import { DateTime } from "@/components/cabinet/date-time";
import { FormDialog } from "@/components/cabinet/form-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import { useActionDialog } from "@/components/ui/use-action";
import type { RevokeApiTokenAction } from "./trader-actions";

/** Revoke with a confirm step: an app using the token stops working at once. */
function RevokeButton({ token, revoke: revokeToken }: { token: TraderApiTokenRow; revoke: RevokeApiTokenAction }) {
  const t = useT();
  const router = useRouter();
  const { dialog, close, submit } = useActionDialog();
  const revoke = () =>
    submit(() => revokeToken(token.id), {
      success: t("trader.apiTokens.revoked", { name: token.name }),
      onSettled: () => {
        close();
        router.refresh();
      },
    });
  return (
    <FormDialog
      {...dialog}
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={t("trader.apiTokens.revokeOf", { name: token.name })}>
          {t("trader.apiTokens.revoke")}
        </Button>
      }
      title={t("trader.apiTokens.revokeTitle", { name: token.name })}
      description={t("trader.apiTokens.revokeDescription")}
      cancelLabel={t("common.cancel")}
      submitLabel={t("trader.apiTokens.revokeConfirm")}
      submitVariant="destructive"
      onSubmit={revoke}
    />
  );
}

export function ApiTokensTable({ tokens, revoke }: { tokens: TraderApiTokenRow[]; revoke: RevokeApiTokenAction }) {
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
          <TableCell>{token.revokedAt ? null : <RevokeButton token={token} revoke={revoke} />}</TableCell>
        </TableRow>
      ))}
    </DataTableCard>
  );
}
