import { Badge } from "@/components/ui/badge";

/** Yes/no flags as words, not colour alone. */
export function BooleanBadge({ value, yes = "Active", no = "Inactive" }: { value: boolean; yes?: string; no?: string }) {
  return <Badge variant={value ? "success" : "outline"}>{value ? yes : no}</Badge>;
}
