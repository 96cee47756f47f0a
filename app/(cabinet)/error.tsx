"use client";

import { useEffect } from "react";
import { AlertTriangle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/components/i18n/i18n-provider";

/** Unexpected failures while rendering a cabinet page: a calm message and a retry, no internals. */
export default function CabinetError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto grid max-w-lg gap-4 px-4 py-16">
      <Alert variant="destructive">
        <AlertTriangle aria-hidden="true" />
        <AlertTitle>{t("errors.pageFailed")}</AlertTitle>
        <AlertDescription>
          <p>
            {t("errors.tryLater")}
            {error.digest ? ` ${t("errors.reference", { digest: error.digest })}` : ""}
          </p>
        </AlertDescription>
      </Alert>
      <Button type="button" variant="outline" className="w-fit" onClick={reset}>
        {t("common.retry")}
      </Button>
    </div>
  );
}
