import type { Metadata } from "next";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <SearchX className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">404 — Page not found</h1>
      <p className="text-muted-foreground">There is nothing at this address.</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        Go to the start page
      </Link>
    </main>
  );
}
