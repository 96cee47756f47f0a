import { PageSkeleton } from "@/components/cabinet/page-skeleton";

export default function Loading() {
  return <PageSkeleton cards={3} rows={4} />;
}
