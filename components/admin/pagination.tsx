import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/**
 * Keyset pagination links: "first page" when not on it, "next page" when there is one. The
 * current filters stay in the URL; only the cursor parameter changes.
 */
export function KeysetPagination({
  path,
  params,
  cursorParam,
  nextCursor,
  onFirstPage,
  labels,
}: {
  path: string;
  params: Record<string, string | undefined>;
  cursorParam: string;
  nextCursor: string | null;
  onFirstPage: boolean;
  labels: { first: string; next: string; navigation: string };
}) {
  const href = (cursor: string | null) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== cursorParam) query.set(key, value);
    if (cursor) query.set(cursorParam, cursor);
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  if (onFirstPage && !nextCursor) return null;
  return (
    <nav aria-label={labels.navigation} className="mt-4 flex flex-wrap justify-end gap-2">
      {!onFirstPage ? (
        <Link href={href(null)} className={buttonVariants({ variant: "outline", size: "sm" })}>
          {labels.first}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={href(nextCursor)} className={buttonVariants({ variant: "outline", size: "sm" })} rel="next">
          {labels.next}
          <ChevronRight className="size-4" aria-hidden="true" />
        </Link>
      ) : null}
    </nav>
  );
}
