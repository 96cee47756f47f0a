import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <ShieldAlert className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">403 — Access denied</h1>
      <p className="text-muted-foreground">You do not have access to this page.</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        Go to your cabinet
      </Link>
    </main>
  );
}
