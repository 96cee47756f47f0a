// What every soak check shares: the run it judges, its result, and how problems are worded.
// Loaded after DATABASE_URL is set.
import { prisma } from "@/lib/db/client";
import type { TrafficLog } from "../client";
import type { KillEvent } from "../chaos";
import type { Receiver } from "../receiver";
import type { SoakWorld } from "../world";

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** What the clients, the receiver and the chaos saw during the run. */
export interface SoakRun {
  world: SoakWorld;
  log: TrafficLog;
  receiver: Receiver;
  kills: KillEvent[];
  instances: string[];
  resolvedDisputes: Set<number>;
}

export const query = <T>(sql: string, ...params: unknown[]) => prisma.$queryRawUnsafe<T[]>(sql, ...params);

const sample = (items: string[], n = 5) => (items.length ? ` e.g. ${items.slice(0, n).join("; ")}` : "");

/** Passed when `problems` is empty (then `okDetail` says what was verified); else the first few problems. */
export const result = (name: string, problems: string[], okDetail: string): CheckResult => ({
  name,
  ok: problems.length === 0,
  detail: problems.length ? `${problems.length} problem(s):${sample(problems)}` : okDetail,
});
