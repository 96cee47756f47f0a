import { databaseAnswers } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await databaseAnswers();
  return Response.json(db ? { status: "ok", db: "ok" } : { status: "error", db: "unreachable" }, {
    status: db ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
