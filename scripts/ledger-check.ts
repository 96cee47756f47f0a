// npm run ledger:check — verifies the money invariants; exits 1 naming each violation.
import { withDatabase } from "./db/database-url";

await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { prisma } = await import("../lib/db/client");
  const { checkLedger } = await import("../lib/ledger/check-ledger");
  try {
    const violations = await checkLedger(prisma);
    if (!violations.length) {
      console.log("Ledger check: clean (every invariant holds).");
      return;
    }
    for (const v of violations) console.error(`VIOLATION [${v.invariant}] ${v.detail}`);
    console.error(`Ledger check: ${violations.length} violation(s).`);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
});
