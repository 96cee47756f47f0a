import { PageSkeleton } from "@/components/cabinet/page-skeleton";

export default function Loading() {
  return <PageSkeleton rows={8} />;
}
