// What `npm start` does to an operator's database (DATABASE_URL, no --demo) after migrating it:
// reference data and default settings only, never the demo data, and a refusal to serve a
// database the demo seed filled (its logins' password and its API key are published).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/platform/reference-data";
import { DEMO_SEED_MARKER } from "../../prisma/demo/reference";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { sha256Hex } from "@/lib/auth/api-keys";

/** The published demo keys: a database holding any of them is demo data, marker or not. */
const DEMO_KEY_HASHES = [DEMO_LOGINS.merchantApiKey, DEMO_LOGINS.merchantSandboxApiKey].map(sha256Hex);

export class DemoDatabaseError extends Error {
  constructor() {
    super(
      "This database holds the JivaPay demo data (demo logins with a published password and a published API key), " +
        "so it is not served as a production database. Point DATABASE_URL at an empty database, " +
        "or start with --demo (npm start -- --demo) to serve the demo from it.",
    );
    this.name = "DemoDatabaseError";
  }
}

export interface PreparedDatabase {
  /** Reference rows and settings written by this start (0 when all were there). */
  created: number;
  /** Active admins: none means nobody can sign in yet. */
  activeAdmins: number;
}

export async function prepareProductionDatabase(url: string): Promise<PreparedDatabase> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
  try {
    const marker = await prisma.configurationSetting.findUnique({ where: { key: DEMO_SEED_MARKER } });
    if (marker?.value === true) throw new DemoDatabaseError();
    if ((await prisma.merchantApiKey.count({ where: { keyHash: { in: DEMO_KEY_HASHES }, revokedAt: null } })) > 0) throw new DemoDatabaseError();
    const before = await counts(prisma);
    await prisma.$transaction((tx) => seedReferenceData(tx), { timeout: 60_000 });
    const after = await counts(prisma);
    const activeAdmins = await prisma.user.count({ where: { isActive: true, role: { name: "admin" } } });
    return { created: after - before, activeAdmins };
  } finally {
    await prisma.$disconnect();
  }
}

async function counts(prisma: PrismaClient): Promise<number> {
  const [roles, currencies, methods, banks, settings] = await Promise.all([
    prisma.role.count(),
    prisma.currency.count(),
    prisma.paymentMethod.count(),
    prisma.bank.count(),
    prisma.configurationSetting.count(),
  ]);
  return roles + currencies + methods + banks + settings;
}
