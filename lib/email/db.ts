import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The Prisma client, or the caller's transaction so an email commits (or not) with its cause. */
export type Db = PrismaClient | Tx;
