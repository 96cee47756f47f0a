"use client";

import { useEffect } from "react";
import { AlertTriangle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Unexpected failures while rendering a cabinet page: a calm message and a retry, no internals. */
export default function CabinetError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto grid max-w-lg gap-4 px-4 py-16">
      <Alert variant="destructive">
        <AlertTriangle aria-hidden="true" />
        <AlertTitle>This page could not be loaded.</AlertTitle>
        <AlertDescription>
          <p>Try again in a moment.{error.digest ? ` Reference: ${error.digest}` : ""}</p>
        </AlertDescription>
      </Alert>
      <Button type="button" variant="outline" className="w-fit" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
