import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/web/session";
import { cabinetPath } from "@/lib/auth/roles";

export default async function HomePage() {
  const user = await getCurrentUser();
  redirect(user ? cabinetPath(user.role) : "/login");
}
