import { PageSkeleton } from "@/components/cabinet/page-skeleton";

export default function Loading() {
  return <PageSkeleton cards={0} rows={5} />;
}
