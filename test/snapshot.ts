import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A fingerprint of every row of every table in the public schema (row count and an md5 of the
 * sorted rows), so a test can assert that an operation changed nothing at all.
 */
export async function databaseFingerprint(db: Pick<PrismaClient, "$queryRawUnsafe">): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint; hash: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM "${name}" t`,
    );
    fingerprint[name] = `${row.n}:${row.hash ?? "-"}`;
  }
  return fingerprint;
}
