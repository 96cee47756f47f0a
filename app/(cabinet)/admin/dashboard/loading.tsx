import { PageSkeleton } from "@/components/cabinet/page-skeleton";

export default function Loading() {
  return <PageSkeleton cards={6} rows={6} />;
}
