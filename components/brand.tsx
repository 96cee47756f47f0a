import { cn } from "@/components/ui/cn";

/** The JivaPay name with its small mark; decorative mark, the text carries the name. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 32 32" className="size-6" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-brand" />
        <path d="M19 8v11.5a4.5 4.5 0 0 1-9 0" fill="none" stroke="white" strokeWidth="3" strokeLinecap="round" />
      </svg>
      JivaPay
    </span>
  );
}
