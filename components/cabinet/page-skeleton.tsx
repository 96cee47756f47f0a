import { Skeleton } from "@/components/ui/skeleton";

/**
 * Placeholder for a cabinet page while its data loads: a heading, a few cards, a table. The grids
 * are one minmax(0, 1fr) column (grid-cols-1), so the fixed-width bars shrink on a 375 px phone
 * instead of widening an auto track past the screen.
 */
export function PageSkeleton({ cards = 0, rows = 6 }: { cards?: number; rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="grid grid-cols-1 gap-6">
      <span className="sr-only">Loading…</span>
      <div className="grid grid-cols-1 gap-2">
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {cards > 0 ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: cards }, (_, i) => (
            <Skeleton key={i} className="h-28 rounded-xl" />
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-2 rounded-xl border p-4">
        <Skeleton className="h-5 w-40" />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}
